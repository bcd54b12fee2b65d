namespace Suifang.Bench;

/// Words for synthetic patients: common surnames weighted roughly as in China, given-name characters,
/// departments with their doctors, and ICD-10 diagnoses.
internal static class SyntheticHospital
{
    // The first surnames are the most common; Pick() favours the head of the list.
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
        "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
        "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
        "欧阳", "司马", "上官", "诸葛",
    ];

    public const string GivenNameChars =
        "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红梅鹏飞建国志强海燕小红文博思远子涵雨轩浩然欣怡梓萱俊杰晓东丹凤春生秋菊德明永福淑珍宏伟";

    public static readonly string[] Departments =
    [
        "心血管内科", "神经内科", "呼吸与危重症医学科", "内分泌科", "消化内科", "肾内科", "普通外科", "骨科", "神经外科",
        "心胸外科", "泌尿外科", "产科", "妇科", "儿科", "肿瘤科", "甲状腺乳腺外科", "精神心理科", "老干部病房",
    ];

    public static readonly (string Code, string Name)[] Diagnoses =
    [
        ("I10.x00", "原发性高血压"), ("I21.9", "急性心肌梗死"), ("I25.1", "冠状动脉粥样硬化性心脏病"), ("I50.9", "心力衰竭"),
        ("I48.x00", "心房颤动"), ("I63.9", "脑梗死"), ("I61.9", "脑出血"), ("G40.9", "癫痫"), ("J18.9", "肺炎"),
        ("J44.1", "慢性阻塞性肺疾病急性加重"), ("J45.9", "支气管哮喘"), ("E11.9", "2型糖尿病"), ("E05.9", "甲状腺功能亢进症"),
        ("K29.7", "慢性胃炎"), ("K80.2", "胆囊结石"), ("K35.8", "急性阑尾炎"), ("N18.5", "慢性肾脏病5期"), ("N20.0", "肾结石"),
        ("M17.9", "膝关节骨性关节炎"), ("S72.0", "股骨颈骨折"), ("M51.2", "腰椎间盘突出"), ("C34.9", "肺恶性肿瘤"),
        ("C16.9", "胃恶性肿瘤"), ("C50.9", "乳腺恶性肿瘤"), ("C73.x00", "甲状腺恶性肿瘤"), ("O80.0", "单胎顺产"),
        ("O82.0", "剖宫产"), ("N80.0", "子宫腺肌病"), ("J06.9", "急性上呼吸道感染"), ("F32.9", "抑郁发作"),
        ("F41.1", "广泛性焦虑障碍"), ("N40.x00", "前列腺增生"), ("I70.2", "下肢动脉硬化闭塞症"), ("E78.5", "高脂血症"),
        ("K74.6", "肝硬化"), ("D64.9", "贫血"),
    ];

    public static string DoctorName(int department, int index) =>
        Surnames[(department * 7 + index * 3) % 40] + GivenNameChars[(department * 13 + index * 5) % GivenNameChars.Length] + GivenNameChars[(department * 11 + index * 17 + 3) % GivenNameChars.Length];

    public const int DoctorsPerDepartment = 12;

    /// Index into a list, favouring its head (a rough Zipf): used for surnames, departments and diagnoses.
    public static int Skewed(Random rng, int count) => (int)(count * Math.Pow(rng.NextDouble(), 2.2));
}
