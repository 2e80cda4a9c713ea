using InvestCRM.Data;
using Microsoft.EntityFrameworkCore;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Chain nodes by the names a sheet gives them: "产业链/环节" (in either language; a colon or ＞ also separates them), or
/// a node's name alone when no other chain has a node of that name. One cell may name several, separated by 、 ; , or
/// line breaks. The export writes the first form, so an exported list reads back.
/// </summary>
public sealed class ChainNodeNames
{
    private static readonly char[] ItemSeparators = ['、', ';', '；', ',', '，', '\n', '\r'];
    private static readonly char[] PathSeparators = ['/', '／', ':', '：', '>', '＞'];

    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<int>> _byPath = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, string> _labels = [];

    private ChainNodeNames(IEnumerable<NodeName> nodes)
    {
        foreach (var node in nodes)
        {
            _labels[node.Id] = $"{node.Chain}/{node.Name}";
            foreach (var name in Names(node.Name, node.NameEn))
            {
                Add(_byName, name, node.Id);
                foreach (var chain in Names(node.Chain, node.ChainEn))
                {
                    Add(_byPath, $"{chain}/{name}", node.Id);
                }
            }
        }
    }

    /// <summary>Every chain node in the register (of every plan, as the enterprise form offers them).</summary>
    public static async Task<ChainNodeNames> LoadAsync(CrmDbContext db, CancellationToken ct) =>
        new(await db.ChainNodes.AsNoTracking()
            .Select(n => new NodeName(n.Id, n.Name, n.NameEn, n.Chain!.Name, n.Chain.NameEn)).ToListAsync(ct));

    /// <summary>The nodes a cell names, or the code of the first problem: a name no node has, or one several share.</summary>
    public (IReadOnlyList<int> Ids, string? Problem) Read(string cell)
    {
        var ids = new List<int>();
        foreach (var item in cell.Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = item.IndexOfAny(PathSeparators);
            var key = at < 0 ? item : $"{item[..at].Trim()}/{item[(at + 1)..].Trim()}";
            if (!(at < 0 ? _byName : _byPath).TryGetValue(key, out var found))
            {
                return ([], "Import.UnknownChainNode");
            }

            if (found.Count > 1)
            {
                return ([], "Import.AmbiguousChainNode");
            }

            ids.Add(found[0]);
        }

        return (ids.Distinct().ToList(), null);
    }

    /// <summary>"产业链/环节", as the export writes a node.</summary>
    public string Label(int nodeId) => _labels.GetValueOrDefault(nodeId, "");

    private static IEnumerable<string> Names(string name, string? english) =>
        new[] { name, english }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    private sealed record NodeName(int Id, string Name, string? NameEn, string Chain, string? ChainEn);

    private static void Add(Dictionary<string, List<int>> index, string key, int nodeId)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = [];
        }

        if (!ids.Contains(nodeId))
        {
            ids.Add(nodeId);
        }
    }
}
