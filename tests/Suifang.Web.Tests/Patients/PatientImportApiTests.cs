using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MiniExcelLibs;
using Suifang.Core.Accounts;
using Suifang.Core.Data;
using Suifang.Testing;

namespace Suifang.Web.Tests.Patients;

public sealed class PatientImportApiTests
{
    private static async Task<HttpClient> NurseAsync(SuifangWebFactory app)
    {
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "XNK", "心血管内科", "心内科");
        await StaffAccounts.EnsureDepartmentAsync(app.Services, "NFMK", "内分泌科");
        await StaffAccounts.CreateAsync(app.Services, "nurse-imp", Roles.Nurse, "XNK", "NFMK");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await StaffAccounts.LoginAsync(client, "nurse-imp", StaffAccounts.Password);
        return client;
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_template_imports_through_the_api_and_the_job_can_be_read_back(DatabaseProvider provider)
    {
        await using var app = await SuifangWebFactory.StartAsync(provider);
        var nurse = await NurseAsync(app);

        var template = await nurse.GetAsync("/api/patients/import/template");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", template.Content.Headers.ContentType?.MediaType);
        var bytes = await template.Content.ReadAsByteArrayAsync();
        Assert.Equal(["患者", "填写说明"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));

        var response = await nurse.PostAsync("/api/patients/import", Upload(bytes, "模板.xlsx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, job.GetProperty("importedPatients").GetInt32());
        Assert.Equal("已完成", job.GetProperty("status").GetString());

        var again = await nurse.GetFromJsonAsync<JsonElement>($"/api/patients/import/{job.GetProperty("id").GetGuid()}");
        Assert.Equal(2, again.GetProperty("importedPatients").GetInt32());
    }

    [Fact]
    public async Task Rejected_rows_come_back_with_row_column_and_reason_and_as_a_workbook()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var nurse = await NurseAsync(app);
        var sheet = new MemoryStream();
        MiniExcel.SaveAs(sheet, new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "张三", ["手机号"] = "138", ["就诊类型"] = "门诊", ["科室"] = "心内科", ["就诊/入院时间"] = "2026-11-03 09:30", ["主要诊断编码"] = "I10", ["主要诊断名称"] = "高血压" },
        });

        var response = await nurse.PostAsync("/api/patients/import", Upload(sheet.ToArray(), "门诊.xlsx"));
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = job.GetProperty("rejected")[0];
        Assert.Equal((2, "手机号"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetString()));

        var export = await nurse.GetAsync($"/api/patients/import/{job.GetProperty("id").GetGuid()}/rejected");
        var row = (IDictionary<string, object?>)MiniExcel.Query(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Single();
        Assert.Equal("138", row["手机号"]?.ToString());
    }

    [Fact]
    public async Task A_file_that_is_not_xlsx_is_refused_before_reading()
    {
        await using var app = await SuifangWebFactory.StartAsync(DatabaseProvider.Sqlite);
        var nurse = await NurseAsync(app);

        var response = await nurse.PostAsync("/api/patients/import", Upload("a,b"u8.ToArray(), "患者.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不是 .xlsx 文件", await response.Content.ReadAsStringAsync());
    }
}
