using InvestCRM.Features.Activities;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Demo;

/// <summary>Word tables the synthetic data draws from; realistic enough that pages and searches look like the real thing.</summary>
public static class NameParts
{
    /// <summary>City, province, the 6-digit administrative code used in credit codes, and how often firms come from there.</summary>
    public static readonly (string City, string Province, string AreaCode, int Weight)[] Regions =
    [
        ("北京", "北京市", "110108", 16), ("上海", "上海市", "310115", 14), ("深圳", "广东省", "440305", 12),
        ("杭州", "浙江省", "330106", 9), ("苏州", "江苏省", "320505", 8), ("厦门", "福建省", "350206", 10),
        ("福州", "福建省", "350102", 8), ("成都", "四川省", "510107", 7), ("重庆", "重庆市", "500112", 6),
        ("三明", "福建省", "350404", 10),
    ];

    /// <summary>Trade names (字号): two characters each, combined freely.</summary>
    public static readonly string[] TradeNames =
    [
        "华锐", "恒通", "中科", "瑞泰", "宏源", "金石", "鼎盛", "天元", "海纳", "博远", "新华", "永信", "晨光", "嘉禾", "华创",
        "明德", "正泰", "联合", "汇丰", "安盛", "星辰", "卓越", "众诚", "锦程", "远航", "东方", "盛世", "佳联", "同创", "华晟",
        "聚能", "凯盛", "立信", "润达", "国泰", "泰和", "万达", "宇航", "龙腾", "腾飞", "清源", "绿源", "蓝海", "智达", "中航",
        "银河", "思远", "德众", "旭日", "信达", "百川", "启明", "融创", "辉煌", "福瑞", "闽华", "海峡", "华闽", "三钢", "沙溪",
    ];

    /// <summary>Trade names used rarely, so a search for one of them finds a handful of rows (the benchmark's "rare term").</summary>
    public static readonly string[] RareTradeNames = ["琥珀湾", "青鸾", "玄鸟", "麒麟角"];

    /// <summary>Industry words per chain, in the order of SanmingPlan.Chains, and the chain's typical investment in 万元.</summary>
    public static readonly (string Chain, string Industry, string[] Words, decimal InvestmentWan)[] Industries =
    [
        ("含氟新材料", "化学原料和化学制品制造业", ["氟化工", "氟材料", "新材料", "精细化工"], 16_000m),
        ("新能源电池材料", "电气机械和器材制造业", ["新能源", "锂电材料", "电池科技", "能源科技"], 17_000m),
        ("稀土新材料", "有色金属冶炼和压延加工业", ["稀土", "稀土材料", "磁材科技", "永磁科技"], 15_000m),
        ("石墨和石墨烯", "非金属矿物制品业", ["石墨烯", "碳材料", "石墨科技", "新碳科技"], 8_000m),
        ("生物医药", "医药制造业", ["生物医药", "制药", "生物科技", "医药科技"], 10_000m),
        ("电子商务", "互联网和相关服务", ["电子商务", "网络科技", "供应链管理", "数字科技"], 500m),
        ("智能互联", "软件和信息技术服务业", ["智能科技", "信息技术", "物联网科技", "软件"], 800m),
        ("生命健康", "卫生和社会工作", ["健康科技", "医疗科技", "健康管理", "康养"], 600m),
        ("装备制造", "专用设备制造业", ["机械", "装备", "智能装备", "重工"], 10_000m),
    ];

    public static readonly string[] LegalForms = ["有限公司", "有限公司", "有限公司", "股份有限公司"];

    public static readonly string[] Tags = ["专精特新", "高新技术企业", "科技型中小企业", "上市公司", "链主企业", "独角兽", "瞪羚企业", "外资企业"];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑",
        "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾", "彭", "萧", "蔡", "潘", "田", "董", "袁", "于", "余", "叶",
    ];

    public static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "磊", "强", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "霞", "平", "刚", "丽", "华",
        "建国", "志强", "晓东", "海燕", "文博", "思远", "家豪", "雨桐", "子涵", "浩然", "俊杰", "秀英", "建华", "立新", "春梅",
    ];

    public static readonly string[] ContactTitles = ["董事长", "总经理", "副总经理", "投资总监", "战略发展部经理", "财务总监", "技术总监", "董事会秘书"];

    public static readonly string[] Places = ["企业总部", "园区管委会", "招商局会议室", "项目选址现场", "市政府", "线上视频会议"];

    /// <summary>How often each activity type is logged, in enum order.</summary>
    public static readonly int[] ActivityTypeWeights = [30, 30, 20, 8, 7, 5];

    public static readonly Dictionary<ActivityType, string[]> Summaries = new()
    {
        [ActivityType.Visit] = ["上门走访企业，了解产能扩张计划", "拜访企业负责人，介绍园区产业政策", "走访企业生产基地，了解技术路线与市场布局"],
        [ActivityType.Call] = ["电话沟通项目推进情况", "电话确认考察行程安排", "电话跟进企业投资决策进度"],
        [ActivityType.Meeting] = ["召开项目洽谈会，讨论投资规模与用地需求", "与企业高管座谈，商议合作框架", "组织部门联席会，研究项目要素保障"],
        [ActivityType.HostedSiteVisit] = ["陪同企业考察园区标准厂房", "接待企业来明考察，参观产业链上下游企业", "陪同企业实地踏勘项目选址"],
        [ActivityType.Event] = ["在招商推介会上与企业对接", "参加产业对接会，企业有意向落地", "在签约仪式上与企业交流后续安排"],
        [ActivityType.OutboundTrip] = ["赴企业总部开展小分队招商", "赴外地驻点招商，集中拜访企业", "随市领导外出招商，拜会企业高层"],
    };

    public static readonly string[] Outcomes =
    [
        "企业对园区配套表示认可", "企业希望进一步明确土地和能耗指标", "双方初步达成合作意向", "企业需内部决策后再答复",
        "企业关注人才政策和产业基金支持", "确认项目投资规模和建设周期", "企业要求提供详细的政策清单", "暂无明确投资计划",
    ];

    public static readonly string[] NextSteps =
    [
        "准备项目可行性对接材料", "安排企业来明实地考察", "提交项目要素保障需求清单", "起草投资合作协议文本",
        "协调自然资源部门落实用地", "跟进企业董事会决策结果", "邀请企业参加下一场招商活动", "对接产业基金和银行融资",
    ];

    public static readonly (string Text, DropReason Category)[] DropReasons =
    [
        ("企业投资计划取消", DropReason.StrategyChange), ("选址落户其他地区", DropReason.SiteElsewhere),
        ("用地和能耗指标无法满足", DropReason.PolicyMismatch), ("企业经营状况恶化", DropReason.Funding),
        ("产业方向与园区定位不符", DropReason.PolicyMismatch), ("企业负责人长期联系不上", DropReason.LostContact),
    ];

    public static readonly string[] HoldReasons = ["等待企业董事会决策", "受市场行情影响暂缓", "等待用地指标审批", "企业融资尚未到位"];

    public static readonly string[] BackwardReasons = ["企业调整投资方案，需重新洽谈", "考察后企业提出新的选址要求", "协议条款需重新商议"];

    /// <summary>City fairs held every year: name, city, month, day.</summary>
    public static readonly (string Name, string City, int Month, int Day)[] Fairs =
    [
        ("中国国际投资贸易洽谈会", "厦门", 9, 8),
        ("中国国际高新技术成果交易会", "深圳", 11, 15),
        ("海峡两岸经贸交易会", "福州", 5, 18),
    ];

    public const string ZhongguancunEvent = "创新中国行·中关村企业走进三明";
}
