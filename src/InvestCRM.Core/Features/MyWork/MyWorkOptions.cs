using System.ComponentModel.DataAnnotations;

namespace InvestCRM.Features.MyWork;

public sealed class MyWorkOptions
{
    public const string Section = "MyWork";

    /// <summary>A project with no activity for this many days is listed as stale.</summary>
    [Range(1, 3650)]
    public int StaleDays { get; set; } = 30;

    /// <summary>How far back "recently changed" looks.</summary>
    [Range(1, 365)]
    public int RecentDays { get; set; } = 7;
}
