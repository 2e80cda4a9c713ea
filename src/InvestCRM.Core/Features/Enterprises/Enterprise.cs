using InvestCRM.Features.Auditing;
using InvestCRM.Features.Common;

namespace InvestCRM.Features.Enterprises;

/// <summary>A company (企业) the park courts, identified by its unified social credit code when known.</summary>
public class Enterprise : IAudited, IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Name without legal-form suffixes, regions in brackets and punctuation; the duplicate guard compares these.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>统一社会信用代码, 18 characters, validated by <see cref="CreditCode"/>; unique when present.</summary>
    public string? CreditCode { get; set; }
    public string? Industry { get; set; }
    public string? HqProvince { get; set; }
    public string? HqCity { get; set; }
    public EnterpriseSize? Size { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    /// <summary>Comma-separated tags, e.g. "专精特新,高新技术企业".</summary>
    public string? Tags { get; set; }

    /// <summary>
    /// Already operates locally (本地企业), before or outside the pipeline. A firm whose project has been counted as
    /// introduced is local too, without the flag; the chain map counts both as the node's local firms.
    /// </summary>
    public bool IsLocal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public List<EnterpriseChainNode> ChainNodes { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
}

public enum EnterpriseSize
{
    Micro,
    Small,
    Medium,
    Large,
}

/// <summary>Which links of which industry chains an enterprise works in.</summary>
public class EnterpriseChainNode
{
    public int EnterpriseId { get; set; }
    public int ChainNodeId { get; set; }
}

/// <summary>A person at an enterprise the team deals with.</summary>
public class Contact : IAudited
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WeChat { get; set; }
    public string? Notes { get; set; }
}
