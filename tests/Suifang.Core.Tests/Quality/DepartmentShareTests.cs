using Microsoft.EntityFrameworkCore;
using Suifang.Core.Data;
using Suifang.Core.Quality;
using Suifang.Testing;

namespace Suifang.Core.Tests.Quality;

/// 7.2.5.2: a department's own sampling share, set by an administrator, validated, audited, read by the sampling.
public sealed class DepartmentShareTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0);

    [Theory, ClassData(typeof(Providers))]
    public async Task An_admin_sets_a_departments_share_which_the_sampling_reads_and_clearing_it_follows_the_hospital_again(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        var (admin, cardiology) = (h.Admin(), h.Cardiology.Id);
        await using (var db = h.Database.NewContext())
            Assert.Empty(await SaveQualitySettings.SaveAsync(db, admin, new(5, true, true, null, null, null, null), Now, CancellationToken.None));

        await using (var db = h.Database.NewContext())
            Assert.Null(await DepartmentShares.SaveAsync(db, admin, cardiology, 20, Now, CancellationToken.None));
        await using (var db = h.Database.NewContext())
        {
            Assert.Equal([new DepartmentShare(cardiology, "心血管内科", 20)], await DepartmentShares.ListAsync(db, admin, CancellationToken.None));
            var all = await db.QualitySettings.AsNoTracking().ToListAsync();
            Assert.Equal(20, SampleCalls.SettingsFor(all, h.Hospital.Id, cardiology).SamplePercent);
            Assert.Equal(5, SampleCalls.SettingsFor(all, h.Hospital.Id, h.Neurology.Id).SamplePercent);
            Assert.Contains(await db.AuditLog.Select(a => a.Summary).ToListAsync(), s => s == "质检设置：心血管内科抽检 20%");
        }

        await using (var db = h.Database.NewContext())
            Assert.Null(await DepartmentShares.SaveAsync(db, admin, cardiology, null, Now, CancellationToken.None));
        await using (var db = h.Database.NewContext())
        {
            Assert.Empty(await DepartmentShares.ListAsync(db, admin, CancellationToken.None));
            Assert.Equal(5, SampleCalls.SettingsFor(await db.QualitySettings.AsNoTracking().ToListAsync(), h.Hospital.Id, cardiology).SamplePercent);
            Assert.Contains(await db.AuditLog.Select(a => a.Summary).ToListAsync(), s => s == "质检设置：心血管内科改为沿用全院抽检比例");
        }
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_share_outside_0_to_100_another_hospitals_department_or_a_non_admin_is_refused_with_what_to_do(DatabaseProvider provider)
    {
        await using var h = await TestHospital.CreateAsync(provider);
        await using var db = h.Database.NewContext();

        Assert.Contains("0 到 100", await DepartmentShares.SaveAsync(db, h.Admin(), h.Cardiology.Id, 150, Now, CancellationToken.None));
        Assert.Contains("0 到 100", await DepartmentShares.SaveAsync(db, h.Admin(), h.Cardiology.Id, -1, Now, CancellationToken.None));
        Assert.Contains("请从列表中选择", await DepartmentShares.SaveAsync(db, h.Admin(), 999_999, 10, Now, CancellationToken.None));
        Assert.Contains("管理员", await DepartmentShares.SaveAsync(db, h.Nurse(h.Cardiology.Id), h.Cardiology.Id, 10, Now, CancellationToken.None));
        Assert.Empty(await db.QualitySettings.Where(s => s.DepartmentId != null).ToListAsync());
    }
}
