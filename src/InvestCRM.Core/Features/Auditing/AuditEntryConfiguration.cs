using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestCRM.Features.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.Property(a => a.EntityType).HasMaxLength(100);
        audit.Property(a => a.EntityId).HasMaxLength(100);
        audit.Property(a => a.UserId).HasMaxLength(450);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.Property(a => a.Note).HasMaxLength(1000);
        audit.HasIndex(a => new { a.EntityType, a.EntityId, a.At });
    }
}
