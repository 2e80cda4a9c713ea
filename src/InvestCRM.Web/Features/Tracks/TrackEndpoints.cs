using InvestCRM.Features.Tracks;
using InvestCRM.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace InvestCRM.Web.Features.Tracks;

public static class TrackEndpoints
{
    public static IEndpointRouteBuilder MapTrackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tracks/export", ExportAsync).RequireAuthorization(Policies.Internal);
        return app;
    }

    /// <summary>The current plan's tracks with their claims, commitments and figures today, as .xlsx in the user's language.</summary>
    private static async Task<IResult> ExportAsync(TrackService tracks, TrackEvaluation evaluation, IStringLocalizer<SharedResource> l,
        TimeProvider clock, CancellationToken ct)
    {
        if (await tracks.ListAsync(ct: ct) is not { } list)
        {
            return Results.NotFound();
        }

        var text = new TrackExportText(l["Track.ExportSheet"],
            l["Track.ExportTitle", Display.Name(list.Plan.Name, list.Plan.NameEn), Display.Date(evaluation.Today)],
            [
                l["Field.Track.Name"], l["Track.Subject"], l["Track.Claimant"], l["Field.Track.LeaderName"], l["Field.Track.ClaimedOn"],
                l["Field.Track.DueOn"], l["Field.Track.CommitEnterprises"], l["Track.DoneEnterprises"], l["Field.Track.CommitInvestmentWan"],
                l["Track.DoneInvestmentWan"], l["Field.Track.CommitOutputWan"], l["Track.DoneOutputWan"], l["Field.Track.CommitTaxWan"],
                l["Track.DoneTaxWan"], l["Track.OpenProjects"], l["Track.OpenInvestmentWan"], l["Track.ElapsedHeader"], l["Track.Standing"],
                l["Track.LastReview"], l["Field.TrackReview.ReviewedOn"],
            ],
            Display.Name, row => row.Progress is { } p ? l.Enum(p.Standing) : l["Track.Unclaimed"], verdict => l.Enum(verdict));
        var buffer = new MemoryStream();
        TrackExport.Write(buffer, list.Rows, text);
        return XlsxDownload.Stamped(buffer, l["Track.ExportFile"], clock);
    }
}
