namespace InvestCRM.Features.Common;

/// <summary>
/// Optimistic concurrency: the DbContext bumps <see cref="Version"/> on every save, and an update whose
/// original version is no longer in the database fails instead of overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
