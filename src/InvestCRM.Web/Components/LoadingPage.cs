using Microsoft.AspNetCore.Components;

namespace InvestCRM.Web.Components;

/// <summary>
/// A page that loads its data before it renders anything. Blazor renders once at the first await of
/// OnInitializedAsync; with SQLite that await completes at once, with PostgreSQL it does not, and a page
/// rendered half-loaded would dereference nulls or answer 404 for a record that exists.
/// </summary>
public abstract class LoadingPage : ComponentBase
{
    protected bool Loaded { get; private set; }

    protected sealed override async Task OnInitializedAsync()
    {
        await LoadAsync();
        Loaded = true;
    }

    protected abstract Task LoadAsync();
}
