using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Events;

internal sealed class CrmEventConfiguration : IEntityTypeConfiguration<CrmEvent>
{
    public void Configure(EntityTypeBuilder<CrmEvent> crmEvent)
    {
        crmEvent.ToTable("Events");
        crmEvent.Property(e => e.Name).HasMaxLength(200);
        crmEvent.Property(e => e.City).HasMaxLength(50);
        crmEvent.Property(e => e.Description).HasMaxLength(2000);
        crmEvent.HasIndex(e => e.Date);
    }
}
