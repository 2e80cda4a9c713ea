using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestCRM.Data;

/// <summary>
/// A compiled query (EF.CompileAsyncQuery) for each model it runs against: EF binds a compiled query to the first
/// model, and one process may hold two (the tests run SQLite's and PostgreSQL's side by side).
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
