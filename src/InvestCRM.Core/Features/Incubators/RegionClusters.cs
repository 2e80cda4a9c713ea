namespace InvestCRM.Features.Incubators;

/// <summary>The provinces each region cluster spans, as the plan names them (京津冀, 长三角, 粤港澳大湾区, 成渝, 福建沿海).</summary>
public static class RegionClusters
{
    public static IReadOnlyList<string> Provinces(RegionCluster region) => region switch
    {
        RegionCluster.BeijingTianjinHebei => ["北京", "天津", "河北"],
        RegionCluster.YangtzeRiverDelta => ["上海", "江苏", "浙江", "安徽"],
        RegionCluster.GreaterBayArea => ["广东", "香港", "澳门"],
        RegionCluster.ChengduChongqing => ["四川", "重庆"],
        RegionCluster.FujianCoast => ["福建"],
        _ => [],
    };
}
