using System.Diagnostics;
using InvestCRM.Features.Demo;

namespace InvestCRM.Bench.Loading;

/// <summary>Streams the generator's rows into a sink: enterprises and events first, then project by project.</summary>
internal static class BulkLoader
{
    public const int Seed = 20260101;

    public static async Task<LoadCounts> LoadAsync(IRowSink sink, SyntheticCatalog catalog, SyntheticIds ids, SyntheticSize size, DateTimeOffset now)
    {
        var data = new SyntheticData(catalog, Seed, now, ids).Generate(size);
        var counts = new LoadCounts();
        foreach (var crmEvent in data.Events)
        {
            sink.Write(Tables.Events, crmEvent);
        }

        foreach (var enterprise in data.Enterprises)
        {
            sink.Write(Tables.Enterprises, enterprise);
            enterprise.ChainNodes.ForEach(n => sink.Write(Tables.EnterpriseChainNodes, n));
            enterprise.Contacts.ForEach(c => sink.Write(Tables.Contacts, c));
            counts.Enterprises++;
        }

        var clock = Stopwatch.StartNew();
        foreach (var history in data.Projects)
        {
            WriteProject(sink, history, counts);
            if (counts.Projects % 10_000 == 0)
            {
                Console.WriteLine($"  {counts.Projects:N0} projects, {counts.Activities:N0} activities ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        }

        await sink.CompleteAsync();
        return counts;
    }

    private static void WriteProject(IRowSink sink, ProjectHistory history, LoadCounts counts)
    {
        sink.Write(Tables.Projects, history.Project);
        history.Changes.ForEach(c => sink.Write(Tables.StageChanges, c));
        history.Reached.ForEach(r => sink.Write(Tables.StageReached, r));
        foreach (var activity in history.Activities)
        {
            sink.Write(Tables.Activities, activity);
            activity.Participants.ForEach(p => sink.Write(Tables.ActivityParticipants, p));
            activity.ContactsMet.ForEach(c => sink.Write(Tables.ActivityContacts, c));
        }

        counts.Projects++;
        counts.StageChanges += history.Changes.Count;
        counts.Activities += history.Activities.Count;
    }
}

internal sealed class LoadCounts
{
    public int Enterprises { get; set; }
    public int Projects { get; set; }
    public long StageChanges { get; set; }
    public long StageReached { get; set; }
    public long Activities { get; set; }
}
