using System.Linq.Expressions;
using InvestCRM.Data;

namespace InvestCRM.Features.Enterprises;

/// <summary>
/// Whether a firm is local (本地企业), the one rule the chain map and the enterprise list's "local firms only" both apply,
/// so that a link's local count and the list narrowed to it agree: marked local, or one of its projects counted as
/// introduced (the ledger's entry at the default counting stage, not reversed; a count stands when the project is
/// dropped later).
/// </summary>
public static class LocalFirms
{
    /// <summary>
    /// A project of the firm has been counted: looked up per firm through the firm's projects and their ledger entries
    /// (the (ProjectId, StageId) index), never by reading every counted entry.
    /// </summary>
    public static Expression<Func<Enterprise, bool>> Introduced(CrmDbContext db, int countingStage) =>
        e => db.Projects.Any(p => p.EnterpriseId == e.Id
            && db.LedgerEntries.Any(x => x.ProjectId == p.Id && x.StageId == countingStage && x.ReversedAt == null));

    public static Expression<Func<Enterprise, bool>> Local(CrmDbContext db, int countingStage)
    {
        var introduced = Introduced(db, countingStage);
        var firm = introduced.Parameters[0];
        return Expression.Lambda<Func<Enterprise, bool>>(
            Expression.OrElse(Expression.Property(firm, nameof(Enterprise.IsLocal)), introduced.Body), firm);
    }

    public static Expression<Func<Enterprise, bool>> NotLocal(CrmDbContext db, int countingStage)
    {
        var local = Local(db, countingStage);
        return Expression.Lambda<Func<Enterprise, bool>>(Expression.Not(local.Body), local.Parameters);
    }
}
