using Suifang.Web.Accounts;
using Suifang.Web.VoiceAgent;
using Suifang.Web.Calls;
using Suifang.Web.Contact;
using Suifang.Web.His;
using Suifang.Web.Knowledge;
using Suifang.Web.ManualFollowUp;
using Suifang.Web.Pathways;
using Suifang.Web.Hosting;
using Suifang.Web.Patients;
using Suifang.Web.Tasks;
using Suifang.Web.Plans;
using Suifang.Web.Questionnaires;
using Suifang.Web.Quality;
using Suifang.Web.Scripts;
using Suifang.Web.Statistics;

var builder = WebApplication.CreateBuilder(args);

builder.AddSuifangHost();          // logging, OpenTelemetry, health checks, localisation, problem details
builder.AddSuifangData();          // EF Core on SQLite or PostgreSQL, field encryption, audit chain
builder.AddSuifangAccounts();      // Identity, roles, departments, lockout, first-run admin
builder.AddSuifangUi();            // Blazor (interactive server) with MudBlazor, help centre
builder.AddSuifangApi();           // REST API under /api/<module>, OpenAPI and its reference page
builder.AddPatients();             // patients, encounters, lists, archive, Excel import
builder.AddHis();                  // HIS pull (FHIR R4 or demo HIS), daily job, "sync now"
builder.AddPathways();             // disease pathways: versions, visual editor, presets loaded at start
builder.AddScripts();              // scripts (话术): versions, editor with diagram and test console, templates loaded at start
builder.AddTasks();                // task engine: dispatcher, lines, policies, simulated channel, monitor
builder.AddPlans();                // follow-up plans: rules, merge, checks, daily creation and closing jobs
builder.AddContact();              // contact rules: calling hours, holidays, caps, do-not-call, consent
builder.AddKnowledge();            // follow-up knowledge base the agent answers from (Lucene, SmartCn)
builder.AddSpeech();               // TTS/ASR (espeak-ng, iFlytek, OpenAI-compatible), prompt cache, speech guard, optional LLM
builder.AddAgent();                // the voice agent: Chinese understanding, dialogue engine over scripts and knowledge base
builder.AddManualFollowUp();       // manual follow-up: forms per department, nurses' work queue, fast recording form
builder.AddCalls();                // AI calls: simulated phone network, AI call channel (after dialogue and scripts)
builder.AddSms();                  // SMS: outbox, Aliyun/Tencent/simulated provider, SMS task channel, sender, mass sending
builder.AddQuestionnaires();       // questionnaires and scales, patient page /q/{token}, questionnaire channel (after SMS)
builder.AddQuality();              // quality control: call sampling and checks, review, report, retention (7.2.5.2)
builder.AddAlerts();              // alerts: duty roster, assignment, critical alerts on screen and by SMS, trends, alert load
builder.AddStatistics();           // statistics: the daily rollup job of closed days (5.1.7)
builder.AddSuifangJobs();          // Quartz.NET for recurring work

var app = builder.Build();

await app.PrepareDatabaseAsync(args);   // migrate, first-run admin, demo data (--seed-demo)
app.UseSuifangPipeline();
app.MapSuifangEndpoints();

await app.RunAsync();

public partial class Program;
