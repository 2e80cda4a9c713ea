using System.Linq.Expressions;
using InvestCRM.Data;
using InvestCRM.Features.Projects;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Whether a firm is local (本地企业), the one rule the chain map and the enterprise list's "local firms only" both apply,
/// so that a link's local count and the list narrowed to it agree: marked local, or one of its projects counted as
/// introduced (the ledger's entry at the default counting stage, not reversed; a count stands when the project is
/// dropped later).
/// </summary>
public static class LocalFirms
{
    /// <summary>A project counted as introduced: its ledger entry at the counting stage, not reversed.</summary>
    public static Expression<Func<Project, bool>> Counted(CrmDbContext db, int countingStage) =>
        p => db.LedgerEntries.Any(x => x.ProjectId == p.Id && x.StageId == countingStage && x.ReversedAt == null);

    /// <summary>
    /// A project of the firm has been counted: looked up per firm through the firm's projects and their ledger entries
    /// (the (ProjectId, StageId) index), never by reading every counted entry. A query that already has the firm's id
    /// (the chain map's firms of a link) applies <see cref="Counted"/> to <c>db.Projects</c> of that id the same way.
    /// </summary>
    public static Expression<Func<Enterprise, bool>> Introduced(CrmDbContext db, int countingStage)
    {
        var counted = Counted(db, countingStage);
        return e => db.Projects.Where(counted).Any(p => p.EnterpriseId == e.Id);
    }

    public static Expression<Func<Enterprise, bool>> Local(CrmDbContext db, int countingStage)
    {
        var introduced = Introduced(db, countingStage);
        var firm = introduced.Parameters[0];
        return Expression.Lambda<Func<Enterprise, bool>>(
            Expression.OrElse(Expression.Property(firm, nameof(Enterprise.IsLocal)), introduced.Body), firm);
    }
}
