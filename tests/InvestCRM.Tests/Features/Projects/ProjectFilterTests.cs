using InvestCRM.Features.Projects;
using Microsoft.AspNetCore.WebUtilities;

namespace InvestCRM.Tests.Features.Projects;

public class ProjectFilterTests
{
    private static ProjectFilter Parse(string query)
    {
        var values = QueryHelpers.ParseQuery(query);
        return ProjectFilter.Parse(key => values.TryGetValue(key, out var v) ? v.ToString() : null);
    }

    [Fact]
    public void Round_trips_every_field_through_the_query_string()
    {
        var filter = new ProjectFilter
        {
            StageId = 3, Status = ProjectStatus.OnHold, OwnerId = "user-1", TeamId = 4, ParkId = 5, ChainId = 6,
            Source = ProjectSource.Event, IncubatorId = 7, Text = "氟化工 & co_50%", Sort = "investment", Descending = false, Page = 3,
        };

        var query = filter.ToQueryString();

        Assert.Equal(filter, Parse(query));
        Assert.Contains("q=%E6%B0%9F", query);
    }

    [Fact]
    public void Defaults_leave_the_query_string_empty()
    {
        Assert.Equal("", new ProjectFilter().ToQueryString());
        Assert.Equal(new ProjectFilter(), Parse(""));
    }

    [Fact]
    public void Malformed_values_are_ignored()
    {
        var filter = Parse("stage=abc&status=Nope&source=2&sort=drop%20table&page=-4&q=%20%20");

        Assert.Equal(new ProjectFilter(), filter);
    }

    [Fact]
    public void Sorting_by_the_current_key_flips_the_direction_and_resets_the_page()
    {
        var filter = new ProjectFilter { Page = 4 };

        var flipped = filter.SortedBy("updated");
        var byTitle = filter.SortedBy("title");

        Assert.False(flipped.Descending);
        Assert.Equal(1, flipped.Page);
        Assert.Equal("dir=asc", flipped.ToQueryString());
        Assert.False(byTitle.Descending);
        Assert.Equal("sort=title", byTitle.ToQueryString());
    }
}
