using InvestCRM.Features.Enterprises;
using InvestCRM.Features.Events;

namespace InvestCRM.Features.Demo;

/// <summary>
/// Realistic synthetic data for the demo and the benchmark: enterprises named by region and industry, events,
/// and projects that walk the pipeline by the stage rules with their activities. The same seed, catalog, size
/// and "now" always give the same rows.
/// </summary>
public sealed class SyntheticData(SyntheticCatalog catalog, int seed, DateTimeOffset now, SyntheticIds? firstIds = null)
{
    public static readonly DateTimeOffset Start = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SyntheticIds _ids = firstIds ?? new SyntheticIds();

    public SyntheticDataSet Generate(SyntheticSize size)
    {
        if (catalog.Chains.Count == 0 || catalog.Users.Count == 0 || catalog.Stages.Count == 0)
        {
            throw new InvalidOperationException("The catalog needs stages, chains and users.");
        }

        var codes = new CreditCodes();
        var events = Events();
        var seeds = new List<EnterpriseSeed>(size.Enterprises);
        var enterprises = Enterprises(size.Enterprises, codes, seeds);
        var projects = new SyntheticProjects(catalog, new Random(seed + 2), now, _ids, events, seeds, codes);
        return new SyntheticDataSet(events, enterprises, projects.Generate(size.Projects, size.Activities));
    }

    /// <summary>创新中国行 every year from 2021 to 2026, plus three yearly city fairs.</summary>
    private List<CrmEvent> Events()
    {
        var random = new Random(seed);
        var events = new List<CrmEvent>();
        for (var year = 2021; year <= 2026; year++)
        {
            events.Add(new CrmEvent
            {
                Name = $"{year}{NameParts.ZhongguancunEvent}", City = "三明", Date = new DateOnly(year, random.Next(4, 7), random.Next(1, 29)),
                Description = "中关村企业赴三明考察对接，集中签约一批项目",
            });
            events.AddRange(NameParts.Fairs.Select(f => new CrmEvent
            {
                Name = $"{year}{f.Name}", City = f.City, Date = new DateOnly(year, f.Month, f.Day), Description = "三明市组团参会，开展专题推介",
            }));
        }

        var ordered = events.OrderBy(e => e.Date).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Id = _ids.Event + i;
        }

        return ordered;
    }

    private List<Enterprise> Enterprises(int count, CreditCodes codes, List<EnterpriseSeed> seeds)
    {
        var random = new Random(seed + 1);
        var names = new HashSet<string>();
        var enterprises = new List<Enterprise>(count);
        var contactId = _ids.Contact;
        for (var i = 0; i < count; i++)
        {
            var chain = random.Next(catalog.Chains.Count);
            var (enterprise, shortName) = NewEnterprise(random, chain, names, codes);
            enterprise.Id = _ids.Enterprise + i;
            var node = Pick(random, catalog.Chains[chain].NodeIds);
            enterprise.ChainNodes.Add(new EnterpriseChainNode { EnterpriseId = enterprise.Id, ChainNodeId = node });
            var other = Pick(random, catalog.Chains[chain].NodeIds);
            if (other != node && random.NextDouble() < 0.3)
            {
                enterprise.ChainNodes.Add(new EnterpriseChainNode { EnterpriseId = enterprise.Id, ChainNodeId = other });
            }

            enterprise.Contacts.AddRange(Contacts(random, enterprise.Id, ref contactId));
            seeds.Add(new EnterpriseSeed(enterprise.Id, chain, node, shortName, enterprise.Contacts[0].Id, enterprise.Contacts.Count, enterprise.HqCity!));
            enterprises.Add(enterprise);
        }

        return enterprises;
    }

    private (Enterprise, string ShortName) NewEnterprise(Random random, int chain, HashSet<string> names, CreditCodes codes)
    {
        var region = NameParts.Regions[Weighted(random, NameParts.Regions.Select(r => r.Weight).ToArray())];
        var industry = IndustryOf(catalog.Chains[chain].Name);
        string name, shortName;
        do
        {
            var trade = random.NextDouble() < 0.0004 ? Pick(random, NameParts.RareTradeNames)
                : random.NextDouble() < 0.5 ? Pick(random, NameParts.TradeNames) : Pick(random, NameParts.TradeNames) + Pick(random, NameParts.TradeNames);
            shortName = trade + Pick(random, industry.Words);
            name = region.City + shortName + Pick(random, NameParts.LegalForms);
        }
        while (!names.Add(name));

        var code = random.NextDouble() < 0.7 ? codes.Next(region.AreaCode) : null;
        var size = (EnterpriseSize)Weighted(random, [15, 40, 30, 15]);
        return (new Enterprise
        {
            Name = name, NormalizedName = EnterpriseName.Normalize(name), Industry = industry.Industry, CreditCode = code,
            HqProvince = region.Province, HqCity = region.City, Size = size,
            // Sanming's own medium and large firms already operate locally: the chain map's existing base.
            IsLocal = region.City == "三明" && size >= EnterpriseSize.Medium,
            Description = $"{region.City}{industry.Words[0]}领域企业，{catalog.Chains[chain].Name}产业链相关", Tags = Tags(random),
            CreatedAt = Start.AddDays(-180 + random.NextDouble() * Math.Max(1, (now - Start).TotalDays)),
        }, shortName);
    }

    private static IEnumerable<Contact> Contacts(Random random, int enterpriseId, ref int nextId)
    {
        var contacts = new List<Contact>();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            contacts.Add(new Contact
            {
                Id = nextId++, EnterpriseId = enterpriseId, Name = PersonName(random), Title = Pick(random, NameParts.ContactTitles),
                Phone = $"1{Pick(random, new[] { "3", "5", "8" })}{random.Next(100_000_000, 999_999_999)}",
            });
        }

        return contacts;
    }

    private static string? Tags(Random random)
    {
        var tags = NameParts.Tags.Where(_ => random.NextDouble() < 0.12).Take(2).ToList();
        return tags.Count == 0 ? null : string.Join(",", tags);
    }

    internal static (string Chain, string Industry, string[] Words, decimal InvestmentWan) IndustryOf(string chainName) =>
        NameParts.Industries.FirstOrDefault(i => i.Chain == chainName) is { Chain: not null } found ? found : NameParts.Industries[^1];

    internal static string PersonName(Random random) => Pick(random, NameParts.Surnames) + Pick(random, NameParts.GivenNames);

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    internal static int Weighted(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}

/// <summary>What a project needs to know about its enterprise, without keeping the entity around.</summary>
internal sealed record EnterpriseSeed(int Id, int Chain, int NodeId, string ShortName, int FirstContactId, int ContactCount, string City);

/// <summary>Unique, valid 统一社会信用代码: "91" (enterprise), the area code, a 9-character organisation code, the check character.</summary>
internal sealed class CreditCodes
{
    private long _counter;

    public string Next(string areaCode)
    {
        // An odd multiplier that is not a multiple of 5 permutes 0..10^9-1, so codes never repeat yet look scattered.
        var organisation = (++_counter * 387_420_489L + 104_729L) % 1_000_000_000L;
        var body = $"91{areaCode}{organisation:D9}";
        return body + CreditCode.CheckCharacter(body);
    }
}
