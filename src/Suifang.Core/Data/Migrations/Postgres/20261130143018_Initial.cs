using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Suifang.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LastId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Summary = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HisSyncRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SinceWatermark = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReachedWatermark = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PatientsCreated = table.Column<int>(type: "integer", nullable: false),
                    PatientsUpdated = table.Column<int>(type: "integer", nullable: false),
                    EncountersCreated = table.Column<int>(type: "integer", nullable: false),
                    EncountersUpdated = table.Column<int>(type: "integer", nullable: false),
                    RejectedResources = table.Column<int>(type: "integer", nullable: false),
                    RejectedDetails = table.Column<string>(type: "text", nullable: true),
                    FailureMessage = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HisSyncRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Hospitals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hospitals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UserName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ImportedPatients = table.Column<int>(type: "integer", nullable: false),
                    ImportedEncounters = table.Column<int>(type: "integer", nullable: false),
                    DuplicateRows = table.Column<int>(type: "integer", nullable: false),
                    UpdatedRows = table.Column<int>(type: "integer", nullable: false),
                    RejectedRows = table.Column<int>(type: "integer", nullable: false),
                    RejectedDetails = table.Column<string>(type: "text", nullable: true),
                    FailureMessage = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanContents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Hash = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanContents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QualitySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    SamplePercent = table.Column<double>(type: "double precision", nullable: false),
                    SampleHandoffs = table.Column<bool>(type: "boolean", nullable: false),
                    SampleRedFlags = table.Column<bool>(type: "boolean", nullable: false),
                    ForbiddenRules = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    KeepAudioDays = table.Column<int>(type: "integer", nullable: true),
                    KeepTextDays = table.Column<int>(type: "integer", nullable: true),
                    KeepDataDays = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualitySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordingsDeleted = table.Column<int>(type: "integer", nullable: false),
                    TranscriptsCleared = table.Column<int>(type: "integer", nullable: false),
                    AnswersDeleted = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedEffects",
                columns: table => new
                {
                    EffectKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    AttemptNumber = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Replays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedEffects", x => x.EffectKey);
                });

            migrationBuilder.CreateTable(
                name: "StaffMobiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffMobiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsBatchDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScriptKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScriptVersion = table.Column<int>(type: "integer", nullable: false),
                    FirstCallAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    LastCallAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Calls = table.Column<int>(type: "integer", nullable: false),
                    Patients = table.Column<int>(type: "integer", nullable: false),
                    Answered = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsBatchDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Staff = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Due = table.Column<int>(type: "integer", nullable: false),
                    FollowedUp = table.Column<int>(type: "integer", nullable: false),
                    Completed = table.Column<int>(type: "integer", nullable: false),
                    Abnormal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsDays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsRolledDays",
                columns: table => new
                {
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    RolledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsRolledDays", x => new { x.HospitalId, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "TaskQueueSettings",
                columns: table => new
                {
                    Queue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Policy = table.Column<int>(type: "integer", nullable: false),
                    PoolSize = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    EmergencyMode = table.Column<bool>(type: "boolean", nullable: false),
                    StallMinutes = table.Column<int>(type: "integer", nullable: false),
                    FailureAlarmPercent = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Shares = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskQueueSettings", x => x.Queue);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Campuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Campuses_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactSettings",
                columns: table => new
                {
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CallingHours = table.Column<List<string>>(type: "text[]", nullable: false),
                    QuietPeriods = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SmsQuietHours = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DailyContactCap = table.Column<int>(type: "integer", nullable: false),
                    NoRepeatDays = table.Column<int>(type: "integer", nullable: false),
                    ConsentRequired = table.Column<bool>(type: "boolean", nullable: false),
                    BestTimeEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    PreCallNoticeEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    PreCallNoticeHours = table.Column<int>(type: "integer", nullable: false),
                    CallerNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactSettings", x => x.HospitalId);
                    table.ForeignKey(
                        name: "FK_ContactSettings_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Holidays_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InboundCalls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    NumberCipher = table.Column<string>(type: "text", nullable: false),
                    NumberIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    NumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Result = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: true),
                    CallId = table.Column<long>(type: "bigint", nullable: true),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    Line = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundCalls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InboundCalls_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SmsBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    TemplateId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FilterSummary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsBatches_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmsTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsTemplates_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Departments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Aliases = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Departments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Departments_Campuses_CampusId",
                        column: x => x.CampusId,
                        principalTable: "Campuses",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Departments_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Patients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: false),
                    HisPatientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Gender = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    BirthDateEstimated = table.Column<bool>(type: "boolean", nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    PhoneLast4 = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    FamilyContactName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FamilyRelation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    FamilyPhoneCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FamilyPhoneIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    FamilyPhoneMasked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    IdNumberCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IdNumberMasked = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    IdentityKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Patients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Patients_Campuses_CampusId",
                        column: x => x.CampusId,
                        principalTable: "Campuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Patients_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertRuleTunings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Muted = table.Column<bool>(type: "boolean", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: true),
                    Threshold = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRuleTunings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertRuleTunings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyOverrides",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyOverrides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyOverrides_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutySettings",
                columns: table => new
                {
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    HeadNurseUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NormalAssignment = table.Column<int>(type: "integer", nullable: false),
                    EscalateAfterMinutes = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutySettings", x => x.DepartmentId);
                    table.ForeignKey(
                        name: "FK_DutySettings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DutyShifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyShifts_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    PresetKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Question = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Variants = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Owner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IsRetired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeEntries_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_KnowledgeEntries_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ManualFormTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IsTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    FirstUsedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "jsonb", nullable: true),
                    Triggers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualFormTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManualFormTemplates_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ManualFormTemplates_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pathways",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DiseaseCodes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DiseaseNames = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    IsPreset = table.Column<bool>(type: "boolean", nullable: false),
                    FirstUsedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pathways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pathways_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pathways_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DiagnosisCodes = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    VisitType = table.Column<int>(type: "integer", nullable: true),
                    PathwayKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRules_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DraftJson = table.Column<string>(type: "text", nullable: false),
                    DraftChanged = table.Column<bool>(type: "boolean", nullable: false),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    Deleted = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questionnaires_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Questionnaires_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scripts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    IsTemplate = table.Column<bool>(type: "boolean", nullable: false),
                    FirstUsedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scripts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scripts_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Scripts_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffDepartments",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffDepartments", x => new { x.UserId, x.DepartmentId });
                    table.ForeignKey(
                        name: "FK_StaffDepartments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StaffDepartments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoNotContact",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: true),
                    PhoneIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RemovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RemovedReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoNotContact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoNotContact_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DoNotContact_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Encounters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: false),
                    VisitNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VisitType = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    AttendingDoctor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    VisitAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DischargeAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PrimaryDiagnosisCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    PrimaryDiagnosisName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DeletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Encounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Encounters_Campuses_CampusId",
                        column: x => x.CampusId,
                        principalTable: "Campuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Encounters_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Encounters_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientAlertMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    RuleKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Comparison = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TodoId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClearedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientAlertMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientAlertMarks_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PatientCallFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CallId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClearedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PatientCallFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PatientCallFlags_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmsMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    BatchId = table.Column<long>(type: "bigint", nullable: true),
                    RecipientUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PhoneCipher = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TextCipher = table.Column<string>(type: "character varying(4200)", maxLength: 4200, nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    TemplateCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ParametersCipher = table.Column<string>(type: "character varying(4200)", maxLength: 4200, nullable: true),
                    EffectKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    Segments = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsMessages_Hospitals_HospitalId",
                        column: x => x.HospitalId,
                        principalTable: "Hospitals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SmsMessages_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmsReplies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: true),
                    PatientId = table.Column<long>(type: "bigint", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    MessageId = table.Column<long>(type: "bigint", nullable: true),
                    Provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SignName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ExtendCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TodoId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DedupeKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsReplies_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Todos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CallId = table.Column<long>(type: "bigint", nullable: true),
                    TurnIndex = table.Column<int>(type: "integer", nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClosedAction = table.Column<int>(type: "integer", nullable: true),
                    RuleKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Comparison = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AssignedToUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AlertedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SourceResultId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Todos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Todos_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Todos_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PathwayNodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PathwayId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Anchor = table.Column<int>(type: "integer", nullable: false),
                    Offset = table.Column<int>(type: "integer", nullable: false),
                    OffsetUnit = table.Column<int>(type: "integer", nullable: false),
                    WindowDays = table.Column<int>(type: "integer", nullable: false),
                    ScriptKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Channels = table.Column<string>(type: "jsonb", nullable: true),
                    Questions = table.Column<string>(type: "jsonb", nullable: true),
                    Triggers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayNodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayNodes_Pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "Pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireVersions_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EncounterDiagnoses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EncounterId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EncounterDiagnoses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EncounterDiagnoses_Encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "Encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    EncounterId = table.Column<long>(type: "bigint", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    AnchorTime = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    StartAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Redials = table.Column<int>(type: "integer", nullable: true),
                    RedialIntervalMinutes = table.Column<int>(type: "integer", nullable: true),
                    SmsEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    SmsTemplate = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    MergeNotesId = table.Column<long>(type: "bigint", nullable: true),
                    LaterSteps = table.Column<string>(type: "text", nullable: true),
                    LaterStepsFrom = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PlanningEffectiveness = table.Column<double>(type: "double precision", nullable: true),
                    PlanningAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_Campuses_CampusId",
                        column: x => x.CampusId,
                        principalTable: "Campuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Plans_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Plans_Encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "Encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Plans_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SmsStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SmsStatusChanges_SmsMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "SmsMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlertDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TodoId = table.Column<long>(type: "bigint", nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    RecipientUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsEscalation = table.Column<bool>(type: "boolean", nullable: false),
                    SmsMessageId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertDeliveries_Todos_TodoId",
                        column: x => x.TodoId,
                        principalTable: "Todos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EffectKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ProgressJson = table.Column<string>(type: "text", nullable: true),
                    ProgressAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireLinks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireLinks_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuestionnaireLinks_QuestionnaireVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "QuestionnaireVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionnaireLinks_Questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "Questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanPathway",
                columns: table => new
                {
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    PathwayId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPathway", x => new { x.PlanId, x.PathwayId });
                    table.ForeignKey(
                        name: "FK_PlanPathway_Pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "Pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanPathway_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Label = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueFrom = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DueTo = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DependsOnStepId = table.Column<long>(type: "bigint", nullable: true),
                    SourceNodeIds = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ScriptKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NodeId = table.Column<int>(type: "integer", nullable: true),
                    FirstChannel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    WasNeeded = table.Column<bool>(type: "boolean", nullable: true),
                    ResultCorrect = table.Column<bool>(type: "boolean", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Channels = table.Column<string>(type: "jsonb", nullable: true),
                    Questions = table.Column<string>(type: "jsonb", nullable: true),
                    Triggers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSteps_PathwayNodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "PathwayNodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanSteps_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionnaireResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<long>(type: "bigint", nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionnaireId = table.Column<int>(type: "integer", nullable: false),
                    VersionId = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Band = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Risk = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionnaireResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuestionnaireResponses_QuestionnaireLinks_LinkId",
                        column: x => x.LinkId,
                        principalTable: "QuestionnaireLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    ChannelIndex = table.Column<int>(type: "integer", nullable: false),
                    FallbackOfTaskId = table.Column<long>(type: "bigint", nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Queue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    DueFrom = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DueTo = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptNumber = table.Column<int>(type: "integer", nullable: false),
                    MaxAttempts = table.Column<int>(type: "integer", nullable: false),
                    RetryIntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    ExpectedSeconds = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(96)", maxLength: 96, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LastFailureReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    NoticeAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Tasks_PlanSteps_PlanStepId",
                        column: x => x.PlanStepId,
                        principalTable: "PlanSteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    CampusId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    AttemptNumber = table.Column<int>(type: "integer", nullable: false),
                    EffectKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScriptKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScriptVersion = table.Column<int>(type: "integer", nullable: false),
                    Telephony = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Simulated = table.Column<bool>(type: "boolean", nullable: false),
                    NumberCipher = table.Column<string>(type: "text", nullable: false),
                    NumberMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Unreached = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CallBackAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AnsweredByFamily = table.Column<bool>(type: "boolean", nullable: false),
                    RecordingPath = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UnderstandingSource = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UnderstandingModel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TriggerRulesVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Inbound = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calls_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Calls_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Calls_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManualQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    AttemptNumber = table.Column<int>(type: "integer", nullable: false),
                    EffectKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    DueTo = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FallbackAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualQueue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManualQueue_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EffectKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskAttempts_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallTurns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<long>(type: "bigint", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Speaker = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Dtmf = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Intent = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: true),
                    ValuesJson = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    StartMs = table.Column<int>(type: "integer", nullable: false),
                    EndMs = table.Column<int>(type: "integer", nullable: false),
                    ResponseMs = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTurns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallTurns_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    PlanId = table.Column<long>(type: "bigint", nullable: true),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    CallId = table.Column<long>(type: "bigint", nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Said = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    TurnIndex = table.Column<int>(type: "integer", nullable: true),
                    Confirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpResults_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpResults_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUpResults_Patients_PatientId",
                        column: x => x.PatientId,
                        principalTable: "Patients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualitySamples",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    CallId = table.Column<long>(type: "bigint", nullable: false),
                    ScriptKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ScriptVersion = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    SampledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CallEndedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ChecksPassed = table.Column<bool>(type: "boolean", nullable: false),
                    ChecksFailed = table.Column<int>(type: "integer", nullable: false),
                    Review = table.Column<int>(type: "integer", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualitySamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualitySamples_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QualitySamples_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ManualRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HospitalId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false),
                    PatientId = table.Column<long>(type: "bigint", nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: false),
                    EntryId = table.Column<long>(type: "bigint", nullable: false),
                    PlanStepId = table.Column<long>(type: "bigint", nullable: true),
                    TemplateId = table.Column<int>(type: "integer", nullable: true),
                    TemplateName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: true),
                    End = table.Column<int>(type: "integer", nullable: false),
                    FamilyAnswered = table.Column<bool>(type: "boolean", nullable: false),
                    Respondent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Unreached = table.Column<int>(type: "integer", nullable: true),
                    CallBackAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TodoCount = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StaffId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StaffName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Answers = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ManualRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ManualRecords_ManualQueue_EntryId",
                        column: x => x.EntryId,
                        principalTable: "ManualQueue",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityAnswerReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<long>(type: "bigint", nullable: false),
                    ResultId = table.Column<long>(type: "bigint", nullable: true),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Understood = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Correct = table.Column<bool>(type: "boolean", nullable: false),
                    CorrectValue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityAnswerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityAnswerReviews_QualitySamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "QualitySamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QualityFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SampleId = table.Column<long>(type: "bigint", nullable: false),
                    Rule = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    TurnIndex = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Verdict = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QualityFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QualityFindings_QualitySamples_SampleId",
                        column: x => x.SampleId,
                        principalTable: "QualitySamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_DepartmentId_At",
                table: "AlertDeliveries",
                columns: new[] { "DepartmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AlertDeliveries_TodoId",
                table: "AlertDeliveries",
                column: "TodoId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertRuleTunings_DepartmentId_RuleKey",
                table: "AlertRuleTunings",
                columns: new[] { "DepartmentId", "RuleKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_EntityType_EntityId",
                table: "AuditLog",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_UserId",
                table: "AuditLog",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Batches",
                table: "Calls",
                columns: new[] { "HospitalId", "StartedAt", "DepartmentId", "ScriptKey", "ScriptVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_DepartmentId",
                table: "Calls",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_EffectKey",
                table: "Calls",
                column: "EffectKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Calls_HospitalId_DepartmentId_StartedAt",
                table: "Calls",
                columns: new[] { "HospitalId", "DepartmentId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_PatientId_StartedAt",
                table: "Calls",
                columns: new[] { "PatientId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_TaskId",
                table: "Calls",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_CallTurns_CallId_Index",
                table: "CallTurns",
                columns: new[] { "CallId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campuses_HospitalId_Code",
                table: "Campuses",
                columns: new[] { "HospitalId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PatientId_RecordedAt",
                table: "Consents",
                columns: new[] { "PatientId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Departments_CampusId",
                table: "Departments",
                column: "CampusId");

            migrationBuilder.CreateIndex(
                name: "IX_Departments_HospitalId_Code",
                table: "Departments",
                columns: new[] { "HospitalId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DoNotContact_HospitalId_PhoneIndex_RemovedAt",
                table: "DoNotContact",
                columns: new[] { "HospitalId", "PhoneIndex", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DoNotContact_PatientId_RemovedAt",
                table: "DoNotContact",
                columns: new[] { "PatientId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyOverrides_DepartmentId_Date",
                table: "DutyOverrides",
                columns: new[] { "DepartmentId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_DepartmentId_Day",
                table: "DutyShifts",
                columns: new[] { "DepartmentId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_EncounterDiagnoses_Code",
                table: "EncounterDiagnoses",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_EncounterDiagnoses_EncounterId",
                table: "EncounterDiagnoses",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_CampusId",
                table: "Encounters",
                column: "CampusId");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_DepartmentId_VisitType_HospitalId_DischargeAt",
                table: "Encounters",
                columns: new[] { "DepartmentId", "VisitType", "HospitalId", "DischargeAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_DepartmentId_VisitType_HospitalId_VisitAt",
                table: "Encounters",
                columns: new[] { "DepartmentId", "VisitType", "HospitalId", "VisitAt" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_UpdatedAt",
                table: "Encounters",
                columns: new[] { "HospitalId", "UpdatedAt" },
                filter: "\"UpdatedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_VisitNumber",
                table: "Encounters",
                columns: new[] { "HospitalId", "VisitNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_VisitType_AttendingDoctor_VisitAt_Dis~",
                table: "Encounters",
                columns: new[] { "HospitalId", "VisitType", "AttendingDoctor", "VisitAt", "DischargeAt", "PatientId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_VisitType_DischargeAt_Id_DepartmentId~",
                table: "Encounters",
                columns: new[] { "HospitalId", "VisitType", "DischargeAt", "Id", "DepartmentId", "PrimaryDiagnosisCode", "PatientId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_VisitType_PrimaryDiagnosisCode_Patien~",
                table: "Encounters",
                columns: new[] { "HospitalId", "VisitType", "PrimaryDiagnosisCode", "PatientId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_HospitalId_VisitType_VisitAt_Id_DepartmentId_Pri~",
                table: "Encounters",
                columns: new[] { "HospitalId", "VisitType", "VisitAt", "Id", "DepartmentId", "PrimaryDiagnosisCode", "PatientId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Encounters_PatientId_VisitType_HospitalId_DepartmentId_Visi~",
                table: "Encounters",
                columns: new[] { "PatientId", "VisitType", "HospitalId", "DepartmentId", "VisitAt", "DischargeAt", "DeletedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpResults_CallId_QuestionKey",
                table: "FollowUpResults",
                columns: new[] { "CallId", "QuestionKey" },
                unique: true,
                filter: "\"CallId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpResults_DepartmentId",
                table: "FollowUpResults",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpResults_PatientId_At",
                table: "FollowUpResults",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpResults_PlanStepId",
                table: "FollowUpResults",
                column: "PlanStepId");

            migrationBuilder.CreateIndex(
                name: "IX_HisSyncRuns_Source_StartedAt",
                table: "HisSyncRuns",
                columns: new[] { "Source", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Holidays_HospitalId_Date",
                table: "Holidays",
                columns: new[] { "HospitalId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Hospitals_Code",
                table: "Hospitals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportJobs_StartedAt",
                table: "ImportJobs",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InboundCalls_HospitalId_ReceivedAt",
                table: "InboundCalls",
                columns: new[] { "HospitalId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundCalls_NumberIndex",
                table: "InboundCalls",
                column: "NumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_DepartmentId",
                table: "KnowledgeEntries",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_HospitalId_DepartmentId",
                table: "KnowledgeEntries",
                columns: new[] { "HospitalId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeEntries_HospitalId_PresetKey",
                table: "KnowledgeEntries",
                columns: new[] { "HospitalId", "PresetKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualFormTemplates_DepartmentId",
                table: "ManualFormTemplates",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_ManualFormTemplates_HospitalId_DepartmentId_Status",
                table: "ManualFormTemplates",
                columns: new[] { "HospitalId", "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ManualFormTemplates_HospitalId_Key_Version",
                table: "ManualFormTemplates",
                columns: new[] { "HospitalId", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualQueue_EffectKey",
                table: "ManualQueue",
                column: "EffectKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualQueue_HospitalId_ClosedAt_DepartmentId_DueTo",
                table: "ManualQueue",
                columns: new[] { "HospitalId", "ClosedAt", "DepartmentId", "DueTo" });

            migrationBuilder.CreateIndex(
                name: "IX_ManualQueue_TaskId",
                table: "ManualQueue",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ManualRecords_EntryId",
                table: "ManualRecords",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ManualRecords_PatientId_At",
                table: "ManualRecords",
                columns: new[] { "PatientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayNodes_PathwayId_Order",
                table: "PathwayNodes",
                columns: new[] { "PathwayId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_DepartmentId",
                table: "Pathways",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_HospitalId_DepartmentId_Status",
                table: "Pathways",
                columns: new[] { "HospitalId", "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_HospitalId_Key_Version",
                table: "Pathways",
                columns: new[] { "HospitalId", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PatientAlertMarks_PatientId_ClearedAt",
                table: "PatientAlertMarks",
                columns: new[] { "PatientId", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PatientCallFlags_PatientId_ClearedAt",
                table: "PatientCallFlags",
                columns: new[] { "PatientId", "ClearedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_CampusId",
                table: "Patients",
                column: "CampusId");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_FamilyPhoneIndex",
                table: "Patients",
                column: "FamilyPhoneIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_HospitalId_HisPatientId",
                table: "Patients",
                columns: new[] { "HospitalId", "HisPatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Patients_HospitalId_IdentityKey",
                table: "Patients",
                columns: new[] { "HospitalId", "IdentityKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Patients_HospitalId_Name_Id",
                table: "Patients",
                columns: new[] { "HospitalId", "Name", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_HospitalId_PhoneLast4_Id",
                table: "Patients",
                columns: new[] { "HospitalId", "PhoneLast4", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_Id_Name",
                table: "Patients",
                columns: new[] { "Id", "Name" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_IdNumberIndex",
                table: "Patients",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Patients_PhoneIndex",
                table: "Patients",
                column: "PhoneIndex");

            migrationBuilder.CreateIndex(
                name: "IX_PlanContents_Hash",
                table: "PlanContents",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_PlanPathway_PathwayId",
                table: "PlanPathway",
                column: "PathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRules_DepartmentId",
                table: "PlanRules",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRules_HospitalId_Enabled",
                table: "PlanRules",
                columns: new[] { "HospitalId", "Enabled" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_CampusId",
                table: "Plans",
                column: "CampusId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_DepartmentId",
                table: "Plans",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_EncounterId",
                table: "Plans",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_HospitalId_DepartmentId_Status_CreatedAt",
                table: "Plans",
                columns: new[] { "HospitalId", "DepartmentId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_LaterStepsFrom",
                table: "Plans",
                column: "LaterStepsFrom",
                filter: "\"LaterStepsFrom\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PatientId_Status",
                table: "Plans",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_NodeId",
                table: "PlanSteps",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_PlanId_Order",
                table: "PlanSteps",
                columns: new[] { "PlanId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanSteps_Waiting",
                table: "PlanSteps",
                column: "DueFrom",
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_QualityAnswerReviews_SampleId_QuestionKey",
                table: "QualityAnswerReviews",
                columns: new[] { "SampleId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualityFindings_SampleId",
                table: "QualityFindings",
                column: "SampleId");

            migrationBuilder.CreateIndex(
                name: "IX_QualitySamples_CallId",
                table: "QualitySamples",
                column: "CallId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QualitySamples_DepartmentId",
                table: "QualitySamples",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_QualitySamples_HospitalId_CallEndedAt",
                table: "QualitySamples",
                columns: new[] { "HospitalId", "CallEndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QualitySamples_HospitalId_Review_SampledAt",
                table: "QualitySamples",
                columns: new[] { "HospitalId", "Review", "SampledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QualitySettings_HospitalId_DepartmentId",
                table: "QualitySettings",
                columns: new[] { "HospitalId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_DepartmentId",
                table: "QuestionnaireLinks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_EffectKey",
                table: "QuestionnaireLinks",
                column: "EffectKey",
                unique: true,
                filter: "\"EffectKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_PatientId_CreatedAt",
                table: "QuestionnaireLinks",
                columns: new[] { "PatientId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_QuestionnaireId_CreatedAt",
                table: "QuestionnaireLinks",
                columns: new[] { "QuestionnaireId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_TaskId",
                table: "QuestionnaireLinks",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_TokenHash",
                table: "QuestionnaireLinks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireLinks_VersionId",
                table: "QuestionnaireLinks",
                column: "VersionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_LinkId",
                table: "QuestionnaireResponses",
                column: "LinkId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_PatientId_SubmittedAt",
                table: "QuestionnaireResponses",
                columns: new[] { "PatientId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_QuestionnaireId_SubmittedAt",
                table: "QuestionnaireResponses",
                columns: new[] { "QuestionnaireId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireResponses_Unprocessed",
                table: "QuestionnaireResponses",
                column: "Id",
                filter: "\"ProcessedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_DepartmentId",
                table: "Questionnaires",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_HospitalId_DepartmentId_Deleted",
                table: "Questionnaires",
                columns: new[] { "HospitalId", "DepartmentId", "Deleted" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_HospitalId_Key",
                table: "Questionnaires",
                columns: new[] { "HospitalId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuestionnaireVersions_QuestionnaireId_Version",
                table: "QuestionnaireVersions",
                columns: new[] { "QuestionnaireId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_HospitalId_At",
                table: "RetentionRuns",
                columns: new[] { "HospitalId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Scripts_DepartmentId",
                table: "Scripts",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Scripts_HospitalId_DepartmentId_Purpose_Status",
                table: "Scripts",
                columns: new[] { "HospitalId", "DepartmentId", "Purpose", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Scripts_HospitalId_Key_Version",
                table: "Scripts",
                columns: new[] { "HospitalId", "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SimulatedEffects_PatientId_StartedAt",
                table: "SimulatedEffects",
                columns: new[] { "PatientId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsBatches_HospitalId_CreatedAt",
                table: "SmsBatches",
                columns: new[] { "HospitalId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_BatchId",
                table: "SmsMessages",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_HospitalId_CreatedAt",
                table: "SmsMessages",
                columns: new[] { "HospitalId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_HospitalId_EffectKey",
                table: "SmsMessages",
                columns: new[] { "HospitalId", "EffectKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_PatientId_Purpose_CreatedAt",
                table: "SmsMessages",
                columns: new[] { "PatientId", "Purpose", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_Status_NextAttemptAt",
                table: "SmsMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsReplies_DedupeKey",
                table: "SmsReplies",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsReplies_HospitalId_ReceivedAt",
                table: "SmsReplies",
                columns: new[] { "HospitalId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsReplies_PatientId_ReceivedAt",
                table: "SmsReplies",
                columns: new[] { "PatientId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsStatusChanges_MessageId",
                table: "SmsStatusChanges",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_SmsTemplates_HospitalId_Name",
                table: "SmsTemplates",
                columns: new[] { "HospitalId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StaffDepartments_DepartmentId",
                table: "StaffDepartments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsBatchDays_HospitalId_Day_FirstCallAt",
                table: "StatisticsBatchDays",
                columns: new[] { "HospitalId", "Day", "FirstCallAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsDays_HospitalId_Day_DepartmentId_Staff_Channel",
                table: "StatisticsDays",
                columns: new[] { "HospitalId", "Day", "DepartmentId", "Staff", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_EffectKey",
                table: "TaskAttempts",
                column: "EffectKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskAttempts_TaskId_Number",
                table: "TaskAttempts",
                columns: new[] { "TaskId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_DepartmentId",
                table: "Tasks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Due_Deadline",
                table: "Tasks",
                columns: new[] { "Queue", "DueTo", "NextAttemptAt" },
                filter: "\"State\" = 1 AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Due_Department",
                table: "Tasks",
                columns: new[] { "Queue", "DepartmentId", "NextAttemptAt" },
                filter: "\"State\" = 1 AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Due_FirstCome",
                table: "Tasks",
                columns: new[] { "Queue", "NextAttemptAt" },
                filter: "\"State\" = 1 AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Due_Priority",
                table: "Tasks",
                columns: new[] { "Queue", "Priority", "NextAttemptAt" },
                descending: new[] { false, true, false },
                filter: "\"State\" = 1 AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Due_Shortest",
                table: "Tasks",
                columns: new[] { "Queue", "ExpectedSeconds", "NextAttemptAt" },
                filter: "\"State\" = 1 AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_IdempotencyKey",
                table: "Tasks",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Leased",
                table: "Tasks",
                columns: new[] { "Queue", "LeaseExpiresAt" },
                filter: "\"LeaseOwner\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_NoticeAt",
                table: "Tasks",
                column: "NoticeAt",
                filter: "\"NoticeAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_OneActivePerPatient",
                table: "Tasks",
                column: "PatientId",
                unique: true,
                filter: "\"LeaseOwner\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PatientId_State",
                table: "Tasks",
                columns: new[] { "PatientId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PlanId",
                table: "Tasks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PlanStepId",
                table: "Tasks",
                column: "PlanStepId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Queue_FinishedAt",
                table: "Tasks",
                columns: new[] { "Queue", "FinishedAt" },
                filter: "\"FinishedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Queue_State_NextAttemptAt",
                table: "Tasks",
                columns: new[] { "Queue", "State", "NextAttemptAt" },
                filter: "\"State\" IN (0, 1, 2, 3) AND NOT \"Paused\"");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Statistics",
                table: "Tasks",
                columns: new[] { "HospitalId", "DueFrom", "DepartmentId", "Channel", "State", "Attempts" });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_AlertedAt",
                table: "Todos",
                column: "AlertedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Todos_AssignedToUserId_Status",
                table: "Todos",
                columns: new[] { "AssignedToUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_CallId",
                table: "Todos",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_Todos_DepartmentId",
                table: "Todos",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Todos_HospitalId_DepartmentId_Status_Urgency_CreatedAt",
                table: "Todos",
                columns: new[] { "HospitalId", "DepartmentId", "Status", "Urgency", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_HospitalId_Status_ClosedAt_Id_DepartmentId_PatientId",
                table: "Todos",
                columns: new[] { "HospitalId", "Status", "ClosedAt", "Id", "DepartmentId", "PatientId" });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_HospitalId_Status_Urgency_CreatedAt_Id_DepartmentId_P~",
                table: "Todos",
                columns: new[] { "HospitalId", "Status", "Urgency", "CreatedAt", "Id", "DepartmentId", "PatientId" },
                descending: new[] { false, false, true, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_PatientId_Status",
                table: "Todos",
                columns: new[] { "PatientId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Todos_SourceResultId_RuleKey",
                table: "Todos",
                columns: new[] { "SourceResultId", "RuleKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertCursors");

            migrationBuilder.DropTable(
                name: "AlertDeliveries");

            migrationBuilder.DropTable(
                name: "AlertRuleTunings");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "CallTurns");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "ContactSettings");

            migrationBuilder.DropTable(
                name: "DoNotContact");

            migrationBuilder.DropTable(
                name: "DutyOverrides");

            migrationBuilder.DropTable(
                name: "DutySettings");

            migrationBuilder.DropTable(
                name: "DutyShifts");

            migrationBuilder.DropTable(
                name: "EncounterDiagnoses");

            migrationBuilder.DropTable(
                name: "FollowUpResults");

            migrationBuilder.DropTable(
                name: "HisSyncRuns");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "ImportJobs");

            migrationBuilder.DropTable(
                name: "InboundCalls");

            migrationBuilder.DropTable(
                name: "KnowledgeEntries");

            migrationBuilder.DropTable(
                name: "ManualFormTemplates");

            migrationBuilder.DropTable(
                name: "ManualRecords");

            migrationBuilder.DropTable(
                name: "PatientAlertMarks");

            migrationBuilder.DropTable(
                name: "PatientCallFlags");

            migrationBuilder.DropTable(
                name: "PlanContents");

            migrationBuilder.DropTable(
                name: "PlanPathway");

            migrationBuilder.DropTable(
                name: "PlanRules");

            migrationBuilder.DropTable(
                name: "QualityAnswerReviews");

            migrationBuilder.DropTable(
                name: "QualityFindings");

            migrationBuilder.DropTable(
                name: "QualitySettings");

            migrationBuilder.DropTable(
                name: "QuestionnaireResponses");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "Scripts");

            migrationBuilder.DropTable(
                name: "SimulatedEffects");

            migrationBuilder.DropTable(
                name: "SmsBatches");

            migrationBuilder.DropTable(
                name: "SmsReplies");

            migrationBuilder.DropTable(
                name: "SmsStatusChanges");

            migrationBuilder.DropTable(
                name: "SmsTemplates");

            migrationBuilder.DropTable(
                name: "StaffDepartments");

            migrationBuilder.DropTable(
                name: "StaffMobiles");

            migrationBuilder.DropTable(
                name: "StatisticsBatchDays");

            migrationBuilder.DropTable(
                name: "StatisticsDays");

            migrationBuilder.DropTable(
                name: "StatisticsRolledDays");

            migrationBuilder.DropTable(
                name: "TaskAttempts");

            migrationBuilder.DropTable(
                name: "TaskQueueSettings");

            migrationBuilder.DropTable(
                name: "Todos");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "ManualQueue");

            migrationBuilder.DropTable(
                name: "QualitySamples");

            migrationBuilder.DropTable(
                name: "QuestionnaireLinks");

            migrationBuilder.DropTable(
                name: "SmsMessages");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropTable(
                name: "QuestionnaireVersions");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "PlanSteps");

            migrationBuilder.DropTable(
                name: "PathwayNodes");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "Pathways");

            migrationBuilder.DropTable(
                name: "Encounters");

            migrationBuilder.DropTable(
                name: "Departments");

            migrationBuilder.DropTable(
                name: "Patients");

            migrationBuilder.DropTable(
                name: "Campuses");

            migrationBuilder.DropTable(
                name: "Hospitals");
        }
    }
}
