namespace InvestCRM.Features.Chains;

/// <summary>What an admin enters for a chain. A blank order puts a new chain last.</summary>
public sealed class ChainInput
{
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public int? ParkId { get; set; }
    public int? SortOrder { get; set; }

    public static ChainInput Of(ChainDetail chain) => new()
    {
        Name = chain.Name, NameEn = chain.NameEn, Description = chain.Description, ParkId = chain.ParkId, SortOrder = chain.SortOrder,
    };
}

/// <summary>What an admin enters for a chain node; the order number places it within its segment.</summary>
public sealed class ChainNodeInput
{
    public ChainSegment Segment { get; set; }
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public int? SortOrder { get; set; }

    public static ChainNodeInput Of(ChainNodeRow node) => new()
    {
        Segment = node.Segment, Name = node.Name, NameEn = node.NameEn, SortOrder = node.SortOrder,
    };
}
