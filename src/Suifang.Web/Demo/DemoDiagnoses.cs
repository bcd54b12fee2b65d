namespace Suifang.Web.Demo;

/// ICD-10 diagnoses (names as in the national clinical edition) that each demo department sees most.
internal static class DemoDiagnoses
{
    public static readonly DemoDiagnosis[] Cardiology =
    [
        new("I25.1", "冠状动脉粥样硬化性心脏病", 30), new("I21.9", "急性心肌梗死", 12), new("I20.0", "不稳定型心绞痛", 12),
        new("I50.9", "心力衰竭", 12), new("I10", "原发性高血压", 20), new("I48.9", "心房颤动", 10), new("I47.1", "室上性心动过速", 4),
    ];

    public static readonly DemoDiagnosis[] Neurology =
    [
        new("I63.9", "脑梗死", 30), new("G45.9", "短暂性脑缺血发作", 10), new("I61.9", "脑出血", 6), new("G40.9", "癫痫", 8),
        new("G20", "帕金森病", 8), new("G43.9", "偏头痛", 8), new("R42", "头晕", 6),
    ];

    public static readonly DemoDiagnosis[] Respiratory =
    [
        new("J44.1", "慢性阻塞性肺病伴有急性加重", 25), new("J18.9", "肺炎", 25), new("J45.9", "支气管哮喘", 12),
        new("J47", "支气管扩张症", 8), new("J84.1", "间质性肺病", 5), new("J20.9", "急性支气管炎", 10),
    ];

    public static readonly DemoDiagnosis[] Endocrinology =
    [
        new("E11.9", "2型糖尿病", 35), new("E11.2", "2型糖尿病肾病", 8), new("E05.0", "甲状腺功能亢进症", 10),
        new("E03.9", "甲状腺功能减退症", 10), new("E78.5", "高脂血症", 8), new("M81.9", "骨质疏松", 6), new("E10.9", "1型糖尿病", 4),
    ];

    public static readonly DemoDiagnosis[] Gastroenterology =
    [
        new("K29.5", "慢性胃炎", 15), new("K25.9", "胃溃疡", 10), new("K21.0", "反流性食管炎", 10), new("K74.6", "肝硬化", 8),
        new("K92.2", "消化道出血", 8), new("K85.9", "急性胰腺炎", 6), new("K80.2", "胆囊结石", 6),
    ];

    public static readonly DemoDiagnosis[] Nephrology =
    [
        new("N18.9", "慢性肾脏病", 20), new("N18.5", "慢性肾脏病5期", 10), new("N04.9", "肾病综合征", 8),
        new("N03.9", "慢性肾炎综合征", 8), new("N39.0", "泌尿道感染", 8), new("E11.2", "2型糖尿病肾病", 8),
    ];

    public static readonly DemoDiagnosis[] GeneralSurgery =
    [
        new("K35.8", "急性阑尾炎", 12), new("K40.9", "腹股沟疝", 12), new("K80.1", "胆囊结石伴胆囊炎", 15), new("C18.9", "结肠恶性肿瘤", 6),
        new("C16.9", "胃恶性肿瘤", 6), new("K56.6", "肠梗阻", 6),
    ];

    public static readonly DemoDiagnosis[] Orthopaedics =
    [
        new("M17.1", "膝关节骨关节炎", 20), new("Z96.6", "膝关节置换术后", 10), new("S72.0", "股骨颈骨折", 10),
        new("M51.2", "腰椎间盘突出", 15), new("M48.0", "腰椎管狭窄", 8), new("S82.6", "外踝骨折", 6), new("M16.1", "髋关节骨关节炎", 6),
    ];

    public static readonly DemoDiagnosis[] Neurosurgery =
    [
        new("I61.9", "脑出血", 15), new("S06.5", "创伤性硬脑膜下出血", 10), new("D32.9", "脑膜瘤", 8), new("C71.9", "脑恶性肿瘤", 5),
        new("I67.1", "颅内动脉瘤", 6),
    ];

    public static readonly DemoDiagnosis[] ThoracicSurgery =
    [
        new("C34.9", "肺恶性肿瘤", 15), new("I25.1", "冠状动脉粥样硬化性心脏病", 10), new("I35.0", "主动脉瓣狭窄", 5),
        new("J93.1", "自发性气胸", 6), new("C15.9", "食管恶性肿瘤", 5),
    ];

    public static readonly DemoDiagnosis[] Urology =
    [
        new("N20.0", "肾结石", 15), new("N20.1", "输尿管结石", 12), new("N40", "前列腺增生", 18), new("C61", "前列腺恶性肿瘤", 5),
        new("C67.9", "膀胱恶性肿瘤", 4),
    ];

    public static readonly DemoDiagnosis[] Obstetrics =
    [
        new("O82", "剖宫产单胎分娩", 20), new("O80", "单胎顺产", 25), new("O24.4", "妊娠期糖尿病", 6), new("O13", "妊娠期高血压", 5),
        new("O42.9", "胎膜早破", 5), new("O60.1", "早产", 3),
    ];

    public static readonly DemoDiagnosis[] Gynaecology =
    [
        new("D25.9", "子宫平滑肌瘤", 15), new("N83.2", "卵巢囊肿", 12), new("N80.0", "子宫腺肌病", 8), new("C53.9", "宫颈恶性肿瘤", 4),
        new("C54.1", "子宫内膜恶性肿瘤", 3),
    ];

    public static readonly DemoDiagnosis[] Paediatrics =
    [
        new("J18.9", "小儿肺炎", 25), new("J06.9", "急性上呼吸道感染", 20), new("A08.4", "病毒性肠炎", 10), new("J45.9", "儿童哮喘", 8),
        new("R56.0", "热性惊厥", 5), new("J21.9", "急性毛细支气管炎", 8),
    ];

    public static readonly DemoDiagnosis[] Oncology =
    [
        new("C34.9", "肺恶性肿瘤", 15), new("C16.9", "胃恶性肿瘤", 8), new("C18.9", "结肠恶性肿瘤", 8), new("C22.0", "肝细胞癌", 6),
        new("C50.9", "乳房恶性肿瘤", 8), new("Z51.1", "肿瘤化学治疗疗程", 12),
    ];

    public static readonly DemoDiagnosis[] ThyroidBreast =
    [
        new("E04.9", "非毒性甲状腺肿", 12), new("E04.1", "甲状腺结节", 15), new("C73", "甲状腺恶性肿瘤", 8), new("C50.9", "乳房恶性肿瘤", 8),
        new("D24", "乳腺纤维腺瘤", 8), new("N61", "乳腺炎", 4),
    ];

    public static readonly DemoDiagnosis[] Psychiatry =
    [
        new("F32.9", "抑郁发作", 20), new("F41.1", "广泛性焦虑障碍", 15), new("F20.9", "精神分裂症", 8), new("F31.9", "双相情感障碍", 6),
        new("G47.0", "失眠", 10),
    ];

    public static readonly DemoDiagnosis[] Geriatrics =
    [
        new("I25.1", "冠状动脉粥样硬化性心脏病", 15), new("I63.9", "脑梗死", 12), new("J44.1", "慢性阻塞性肺病伴有急性加重", 10),
        new("I50.9", "心力衰竭", 10), new("E11.9", "2型糖尿病", 8), new("I10", "原发性高血压", 8), new("N40", "前列腺增生", 4),
    ];

    /// Conditions adults often carry beside the reason for this visit.
    public static readonly DemoDiagnosis[] Comorbidities =
    [
        new("I10", "原发性高血压", 30), new("E11.9", "2型糖尿病", 18), new("E78.5", "高脂血症", 15), new("I25.1", "冠状动脉粥样硬化性心脏病", 8),
        new("I48.9", "心房颤动", 5), new("N18.9", "慢性肾脏病", 5), new("M81.9", "骨质疏松", 6), new("K21.0", "反流性食管炎", 5),
        new("F32.9", "抑郁发作", 3), new("E66.9", "肥胖", 4),
    ];
}
