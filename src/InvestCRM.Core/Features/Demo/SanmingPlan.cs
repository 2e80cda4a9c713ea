using InvestCRM.Features.Chains;
using InvestCRM.Features.Incubators;
using InvestCRM.Features.Plans;
using InvestCRM.Features.Targets;
using InvestCRM.Features.Teams;

namespace InvestCRM.Features.Demo;

/// <summary>
/// 三明中关村科技园建设发展规划 (2021—2025年), from seed 000: its bases, chains, offshore incubators
/// and every numeric target. Money in 万元 (1 亿元 = 10,000 万元).
/// </summary>
internal static class SanmingPlan
{
    public const string Name = "三明中关村科技园建设发展规划（2021—2025年）";
    public const string InnovationCentre = "三明中关村科技园创新中心";
    public const string NewMaterialsBase = "新材料产业基地";
    public const string DevelopmentZone = "三明经济开发区新材料产业基地";
    public const string Yongan = "永安市石墨和石墨烯产业园";
    public const string Biomedicine = "生物医药产业基地（金沙园）";
    public const string Equipment = "装备制造";

    private const decimal Yi = 10_000m;

    public static Plan Plan() => new()
    {
        Name = Name,
        NameEn = "Sanming Zhongguancun Science Park Development Plan (2021–2025)",
        StartYear = 2021,
        EndYear = 2025,
        Issuer = "三明市人民政府",
        IssuedOn = new DateOnly(2020, 11, 26),
        Summary = "“创新中心+产业基地”，规划总面积约18.3平方公里；力争五年内引进各类优质企业500家，实现产值370亿元、税收13.6亿元；计划3年内设立10个三明中关村离岸孵化器。",
        CreditRule = CreditRule.Split,
    };

    public static IEnumerable<Park> Parks(int planId)
    {
        yield return new Park { PlanId = planId, Name = InnovationCentre, NameEn = "Innovation Centre", Kind = ParkKind.InnovationCentre, Location = "三明生态新城核心区", AreaMu = 500, SortOrder = 1,
            Focus = "电子商务、智能互联、生命健康；科技金融、创新孵化、软件设计" };
        yield return new Park { PlanId = planId, Name = NewMaterialsBase, NameEn = "New Materials Base", Kind = ParkKind.IndustrialBase, AreaMu = 17000, SortOrder = 2,
            Focus = "含氟新材料、新能源材料、稀土新材料、石墨和石墨烯" };
        yield return new Park { PlanId = planId, Name = Biomedicine, NameEn = "Biomedicine Base (Jinsha Park)", Kind = ParkKind.IndustrialBase, Location = "国家高新技术产业开发区金沙园", AreaMu = 10000, SortOrder = 5,
            Focus = "抗肿瘤药物、免疫制剂、医学造影；抗体药、医学造影产业链" };
    }

    public static IEnumerable<Park> NewMaterialsParks(int planId, int parentId)
    {
        yield return new Park { PlanId = planId, ParentId = parentId, Name = DevelopmentZone, NameEn = "Sanming Economic Development Zone", Kind = ParkKind.Park, Location = "三明经济开发区", AreaMu = 10000, SortOrder = 3,
            Focus = "含氟新材料、新能源电池材料、稀土新材料" };
        yield return new Park { PlanId = planId, ParentId = parentId, Name = Yongan, NameEn = "Yong'an Graphite and Graphene Park", Kind = ParkKind.Park, Location = "永安市", AreaMu = 7000, SortOrder = 4,
            Focus = "石墨负极、高端石墨、石墨烯应用" };
    }

    /// <summary>Chain name, English name, park name (or null), then nodes per segment.</summary>
    public static readonly (string Name, string NameEn, string? Park, string[] Up, string[] Mid, string[] Down)[] Chains =
    [
        ("含氟新材料", "Fluorine materials", DevelopmentZone,
            ["萤石资源", "无水氟化氢"], ["含氟化学品", "含氟医药中间体", "含氟半导体新材料"], ["含氟助剂", "添加剂", "含氟精细化学品应用"]),
        ("新能源电池材料", "Battery materials", DevelopmentZone,
            ["锂钴镍资源", "前驱体"], ["正极材料", "负极材料", "电解液", "隔膜"], ["电芯", "动力电池系统", "储能电池"]),
        ("稀土新材料", "Rare-earth materials", DevelopmentZone,
            ["稀土分离冶炼", "钕铁硼速凝甩带"], ["稀土永磁材料", "稀土发光材料", "稀土催化剂", "稀土助燃催化剂"], ["稀土铝合金型材", "永磁电机"]),
        ("石墨和石墨烯", "Graphite and graphene", Yongan,
            ["石墨矿采选", "高纯石墨"], ["锂电池石墨负极材料", "等静压石墨", "石墨散热片", "柔性石墨", "核用石墨", "半导体石墨"],
            ["石墨烯防腐涂料", "石墨烯散热材料", "石墨烯储能材料", "石墨烯电子材料", "石墨烯节能环保材料"]),
        ("生物医药", "Biomedicine", Biomedicine,
            ["医药原料与中间体", "生物试剂"], ["抗肿瘤药物", "免疫制剂", "抗体药", "医学造影剂"], ["医学影像设备", "大健康产品"]),
        ("电子商务", "E-commerce", InnovationCentre, ["电商平台"], ["直播电商", "跨境电商"], ["电商物流与供应链服务"]),
        ("智能互联", "Smart connectivity", InnovationCentre, ["芯片与传感器"], ["物联网平台", "软件设计"], ["智慧城市应用"]),
        ("生命健康", "Life and health", InnovationCentre, ["健康数据"], ["数字医疗", "健康管理服务"], ["康养服务"]),
        (Equipment, "Equipment manufacturing", null, ["钢铁与基础零部件"], ["通用机械", "专用设备", "汽车零部件"], ["智能装备", "载重汽车"]),
    ];

    /// <summary>Ten incubators in five region clusters, "计划3年内设立10个".</summary>
    public static readonly (string City, RegionCluster Region, IncubatorStatus Status, string Operator)[] Incubators =
    [
        ("北京", RegionCluster.BeijingTianjinHebei, IncubatorStatus.Operating, "中关村信息谷"),
        ("天津", RegionCluster.BeijingTianjinHebei, IncubatorStatus.Planned, "中关村信息谷"),
        ("上海", RegionCluster.YangtzeRiverDelta, IncubatorStatus.Operating, "中关村信息谷"),
        ("杭州", RegionCluster.YangtzeRiverDelta, IncubatorStatus.Planned, "中关村信息谷"),
        ("深圳", RegionCluster.GreaterBayArea, IncubatorStatus.Operating, "中关村信息谷"),
        ("广州", RegionCluster.GreaterBayArea, IncubatorStatus.Planned, "中关村信息谷"),
        ("成都", RegionCluster.ChengduChongqing, IncubatorStatus.Planned, "中关村信息谷"),
        ("重庆", RegionCluster.ChengduChongqing, IncubatorStatus.Planned, "中关村信息谷"),
        ("厦门", RegionCluster.FujianCoast, IncubatorStatus.Operating, "三明市科技局"),
        ("福州", RegionCluster.FujianCoast, IncubatorStatus.Planned, "三明市科技局"),
    ];

    public static string IncubatorName(string city) => $"三明中关村离岸孵化器（{city}）";

    public static readonly (string Name, string NameEn, string? Park)[] Teams =
    [
        ("创新中心招商组", "Innovation Centre team", InnovationCentre),
        ("新材料招商组", "New Materials team", DevelopmentZone),
        ("石墨烯招商组", "Graphene team", Yongan),
        ("生物医药招商组", "Biomedicine team", Biomedicine),
        ("驻京招商小分队", "Beijing liaison team", null),
    ];

    /// <summary>Every numeric target of the plan; all are cumulative to the stated plan year.</summary>
    public static IEnumerable<PlanTarget> Targets(int planId, Func<string, int> park, Func<string, int> chain)
    {
        PlanTarget T(TargetMetric metric, TargetScope scope, int? scopeId, int year, decimal value, string note) => new()
        {
            PlanId = planId, Metric = metric, Scope = scope, ScopeId = scopeId,
            Period = TargetPeriod.CumulativeToPlanYear, Year = year, Value = value, Note = note,
        };

        const string whole = "五年内引进各类优质企业500家，产值370亿元、税收13.6亿元";
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Plan, null, 5, 500, whole);
        yield return T(TargetMetric.OutputValueWan, TargetScope.Plan, null, 5, 370 * Yi, whole);
        yield return T(TargetMetric.TaxWan, TargetScope.Plan, null, 5, 13.6m * Yi, whole);

        var centre = park(InnovationCentre);
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, centre, 1, 50, "1年内聚集优质企业50家");
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, centre, 3, 150, "3年内聚集优质企业150家");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, centre, 3, 10 * Yi, "3年内产值10亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, centre, 3, 3000, "3年内税收3000万元");
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, centre, 5, 300, "5年内聚集优质企业300家");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, centre, 5, 20 * Yi, "5年内产值20亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, centre, 5, 6000, "5年内税收6000万元");

        var materials = park(NewMaterialsBase);
        yield return T(TargetMetric.ProjectsIntroduced, TargetScope.Park, materials, 5, 120, "5年内新引进项目120个以上");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, materials, 5, 250 * Yi, "产值突破250亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, materials, 5, 8 * Yi, "税收达8亿元以上");

        var zone = park(DevelopmentZone);
        yield return T(TargetMetric.ProjectsIntroduced, TargetScope.Park, zone, 5, 60, "5年内新引进项目60个以上");
        yield return T(TargetMetric.InvestmentWan, TargetScope.Park, zone, 5, 100 * Yi, "新增投资100亿元以上");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, zone, 5, 200 * Yi, "产值突破200亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, zone, 5, 6 * Yi, "税收达6亿元");
        yield return T(TargetMetric.IncubatedProjects, TargetScope.Park, zone, 5, 10, "引进孵化项目并实现产业化10个以上");

        foreach (var (name, projects, investment, output) in new[] { ("含氟新材料", 30, 50, 100), ("新能源电池材料", 20, 35, 70), ("稀土新材料", 10, 15, 30) })
        {
            var id = chain(name);
            yield return T(TargetMetric.ProjectsIntroduced, TargetScope.Chain, id, 5, projects, $"{name}：5年内引进项目{projects}个");
            yield return T(TargetMetric.InvestmentWan, TargetScope.Chain, id, 5, investment * Yi, $"{name}：新增投资{investment}亿元以上");
            yield return T(TargetMetric.OutputValueWan, TargetScope.Chain, id, 5, output * Yi, $"{name}：产值达{output}亿元以上");
        }

        var yongan = park(Yongan);
        yield return T(TargetMetric.ProjectsIntroduced, TargetScope.Park, yongan, 5, 60, "5年内新引进碳材料产业化项目60个以上");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, yongan, 5, 50 * Yi, "实现产值50亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, yongan, 5, 2 * Yi, "税收2亿元");
        yield return T(TargetMetric.IncubatedProjects, TargetScope.Park, yongan, 5, 10, "推动成果转化实现产业项目10个以上");

        var bio = park(Biomedicine);
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, bio, 1, 3, "1年内引进生物医药企业3家");
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, bio, 3, 10, "3年内新引进企业10家");
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Park, bio, 5, 30, "5年内新引进企业30家以上");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Park, bio, 5, 50 * Yi, "产值50亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Park, bio, 5, 2.5m * Yi, "税收2.5亿元");

        var equipment = chain(Equipment);
        yield return T(TargetMetric.EnterprisesIntroduced, TargetScope.Chain, equipment, 5, 50, "装备制造：5年内新引进企业50家以上");
        yield return T(TargetMetric.OutputValueWan, TargetScope.Chain, equipment, 5, 50 * Yi, "装备制造：产值50亿元");
        yield return T(TargetMetric.TaxWan, TargetScope.Chain, equipment, 5, 2.5m * Yi, "装备制造：税收2.5亿元");
    }
}
