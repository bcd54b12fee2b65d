#!/usr/bin/env python3
"""Checks data/nlu/utterances/*.jsonl against the labelled-utterance format (data/nlu/README.md) and prints counts.

Usage: tools/nlu-data-check.py [--root REPO] [--terms PATH] [--quiet]
Exit code 0 when every line is valid, 1 otherwise. Run it after every edit of the data set.
"""
import argparse, collections, datetime, glob, json, os, re, sys

INTENTS = ["Unknown", "Affirm", "Deny", "Uncertain", "Inform", "Filler", "AskRepeat", "CallLater", "WrongNumber",
           "Deceased", "WhoAreYou", "Question", "WantPerson", "Refuse", "Abuse", "OffTopic", "FamilyMember", "IsPatient"]
STATUSES = ["Present", "Absent", "Uncertain"]
TAGS = ["negation", "double-negation", "hedge", "uncertain", "chinese-number", "unit", "relative-date", "range", "family",
        "filler", "coreference", "contradiction", "dialect", "asr-noise", "off-topic", "question", "request", "red-flag",
        "dtmf-words"]
VALUE_TYPES = {"Number": ["number", "unit"], "BloodPressure": ["number", "number2", "unit"], "Score": ["number"],
               "Date": ["date"], "Choice": ["choice"]}
FIELDS = {"id", "text", "question", "mentioned", "intent", "symptoms", "values", "now", "callBackAt", "split", "tags"}
REQUIRED = ["id", "text", "question", "intent", "symptoms", "split", "tags"]
# Intents the held-out figures are measured on: >= 30 test lines each (>= 15 for the rare ones).
TEST_MIN = {i: 30 for i in INTENTS if i != "Unknown"}
for rare in ["WrongNumber", "Deceased", "WhoAreYou", "WantPerson", "Refuse", "Abuse", "FamilyMember", "IsPatient"]:
    TEST_MIN[rare] = 15

# The starting list of NLU-DATA-FORMAT.md; data/nlu/terms.jsonl (owned by the nlu helper) replaces it once it exists.
STARTING_TERMS = """发热 伤口发红 伤口肿胀 伤口渗液 伤口出血 伤口疼痛 疼痛 胸痛 胸闷 呼吸困难 咳嗽 咳痰 咯血 头痛 头晕 恶心 呕吐
腹痛 腹泻 便秘 黑便 出血 水肿 心悸 乏力 食欲不振 失眠 肢体无力 言语不清 口角歪斜 高血糖 低血糖 高血压 皮疹 瘙痒 排尿困难
恶露异常 关节肿胀 关节疼痛 声音嘶哑 手足麻木 手足抽搐 口腔溃疡 意识障碍 情绪低落 自杀念头""".split()
STARTING_RED_FLAGS = set("胸痛 呼吸困难 咯血 黑便 出血 意识障碍 自杀念头 肢体无力 言语不清 口角歪斜".split())
# Terms this data set needed beyond the starting list (see data/nlu/README.md, "Terms added"); the nlu helper is asked
# to add them to terms.jsonl. Checked as known until terms.jsonl lists them; a warning names the missing ones.
ADDED_TERMS = {"咳嗽加重": False, "痰液改变": False, "黄疸": False, "吞咽呛咳": False, "小腿肿痛": False,
               "乳房肿痛": False, "足部破溃": False, "颈部肿胀": False, "口周麻木": False, "精神差": False,
               "穿刺部位血肿": False, "置管处红肿": False, "视物模糊": False, "呼吸急促": False, "跌倒": False,
               "阿司匹林": False, "氯吡格雷": False, "替格瑞洛": False, "左甲状腺素": False, "钙片": False,
               "二甲双胍": False, "胰岛素": False, "利尿药": False, "降压药": False, "吸入剂": False}

# Yes/no questions and the term(s) a bare "有/没有/说不好" is labelled with (data/nlu/README.md, "Question terms").
# inverted: the question asks whether things are fine, so "是" means the symptom is absent.
YESNO_TERMS = {
    "wound_redness": ["伤口发红", "伤口肿胀"], "wound_discharge": ["伤口渗液", "伤口出血"], "chest_pain": ["胸痛", "胸闷"],
    "palpitations": ["心悸"], "breathlessness": ["呼吸困难"], "breathlessness_at_rest": ["呼吸困难"],
    "orthopnea": ["呼吸困难"], "leg_swelling": ["水肿"], "bleeding": ["出血", "黑便"],
    "puncture_site_problem": ["穿刺部位血肿", "出血"], "dizziness": ["头晕"], "severe_headache": ["头痛", "视物模糊"],
    "new_weakness": ["肢体无力", "手足麻木"], "speech_problem": ["言语不清", "口角歪斜"], "swallowing_problem": ["吞咽呛咳"],
    "mood_low": ["情绪低落"], "hypoglycemia": ["低血糖", "心悸"], "foot_problem": ["足部破溃"], "cough": ["咳嗽加重"],
    "sputum_change": ["痰液改变"], "abdominal_pain": ["腹痛"], "jaundice": ["黄疸"], "nausea_vomiting": ["恶心", "呕吐"],
    "diarrhea": ["腹泻"], "eating_normally": ["食欲不振"], "calf_pain_swelling": ["小腿肿痛"], "lochia_odor": ["恶露异常"],
    "breast_problem": ["乳房肿痛"], "breathing_fast": ["呼吸急促", "呼吸困难"], "feeding_poor": ["食欲不振"],
    "lethargy": ["精神差", "意识障碍"], "mouth_sores": ["口腔溃疡"], "line_site_problem": ["置管处红肿"],
    "numbness": ["手足麻木"], "hand_lip_numbness": ["手足麻木", "口周麻木", "手足抽搐"],
    "voice_change": ["声音嘶哑", "吞咽呛咳"], "neck_swelling": ["颈部肿胀", "呼吸困难"], "falls": ["跌倒"],
}
INVERTED = {"eating_normally"}
# Yes/no questions about actions, not symptoms: no term is implied by a bare answer.
YESNO_ACTIONS = {"follow_up_visit", "emergency_visit", "smoking", "blood_test_done", "thyroid_test_done", "flu_vaccine"}


def load_terms(root, terms_path):
    path = terms_path or os.path.join(root, "data", "nlu", "terms.jsonl")
    if os.path.exists(path):
        terms, red = {}, set()
        for line in open(path, encoding="utf-8"):
            if line.strip():
                t = json.loads(line)
                terms[t["term"]] = t
                if t.get("redFlag"):
                    red.add(t["term"])
        return set(terms), red, path
    return set(STARTING_TERMS), set(STARTING_RED_FLAGS), None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--terms")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    vocab = json.load(open(os.path.join(root, "src/Suifang.Core/Pathways/Presets/question-vocabulary.json"), encoding="utf-8"))
    terms, red_flags, terms_file = load_terms(root, a.terms)
    missing_added = sorted(t for t in ADDED_TERMS if t not in terms)
    known = terms | set(ADDED_TERMS)
    red_flags |= STARTING_RED_FLAGS
    errors, warnings = [], []
    ids, texts = {}, collections.defaultdict(list)
    rows = []
    files = sorted(glob.glob(os.path.join(root, "data/nlu/utterances/*.jsonl")))
    if not files:
        print("no files in data/nlu/utterances"); return 1
    for path in files:
        cat = os.path.basename(path)[:-6]
        prefixes = set()
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{cat}.jsonl:{n}"
            def err(m): errors.append(f"{where}: {m}")
            if not line.strip():
                err("empty line"); continue
            try:
                o = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"not JSON: {e}"); continue
            rows.append((cat, o))
            for f in REQUIRED:
                if f not in o: err(f"missing field {f}")
            for f in o:
                if f not in FIELDS: err(f"unknown field {f}")
            oid = o.get("id", "")
            m = re.fullmatch(r"([a-z]+)-(\d{4,})", oid or "")
            if not m: err(f"bad id {oid!r}")
            else: prefixes.add(m.group(1))
            if oid in ids: err(f"duplicate id {oid} (also {ids[oid]})")
            ids[oid] = where
            text = o.get("text")
            if not isinstance(text, str) or not text.strip(): err("empty text")
            elif re.search(r"[a-zA-Z]{4,}", text) and "picc" not in text.lower(): warnings.append(f"{where}: latin letters in text")
            q = o.get("question")
            if q is not None and q != "identity" and q not in vocab: err(f"unknown question {q!r}")
            for t in o.get("mentioned", []) or []:
                if t not in known: err(f"unknown mentioned term {t!r}")
            intent = o.get("intent")
            if intent not in INTENTS: err(f"unknown intent {intent!r}")
            syms = o.get("symptoms", [])
            seen_terms = set()
            for s in syms if isinstance(syms, list) else []:
                if set(s) != {"term", "status"}: err(f"symptom fields {sorted(s)}")
                if s.get("term") not in known: err(f"unknown term {s.get('term')!r}")
                if s.get("status") not in STATUSES: err(f"bad status {s.get('status')!r}")
                if s.get("term") in seen_terms: err(f"term twice {s.get('term')}")
                seen_terms.add(s.get("term"))
            has_date = False
            for v in o.get("values", []) or []:
                t = v.get("type")
                if t not in VALUE_TYPES: err(f"bad value type {t!r}"); continue
                for f in VALUE_TYPES[t]:
                    if f not in v: err(f"{t} value without {f}")
                if t == "Date":
                    has_date = True
                    try: datetime.date.fromisoformat(v.get("date", ""))
                    except ValueError: err(f"date not ISO: {v.get('date')!r}")
                if t == "Number" and q in vocab and vocab[q].get("unit") and v.get("unit") != vocab[q]["unit"]:
                    err(f"unit {v.get('unit')!r} but question {q} asks {vocab[q]['unit']!r}")
                if t == "Score" and not 0 <= v.get("number", -1) <= 10: err("score outside 0-10")
                if t == "Choice" and q in vocab and vocab[q].get("choices") and v.get("choice") not in vocab[q]["choices"].split(";"):
                    err(f"choice {v.get('choice')!r} not an option of {q}")
            now = None
            if "now" in o:
                try: now = datetime.datetime.fromisoformat(o["now"])
                except (TypeError, ValueError): err(f"now not ISO: {o['now']!r}")
            if (has_date or "callBackAt" in o) and "now" not in o: err("date or callBackAt without now")
            if "callBackAt" in o:
                if intent != "CallLater": err("callBackAt on an intent other than CallLater")
                try:
                    cb = datetime.datetime.fromisoformat(o["callBackAt"])
                    if now and cb <= now: err("callBackAt not after now")
                except (TypeError, ValueError): err(f"callBackAt not ISO: {o['callBackAt']!r}")
            if o.get("split") not in ("train", "test"): err(f"bad split {o.get('split')!r}")
            tags = o.get("tags", [])
            for t in tags:
                if t not in TAGS: err(f"unknown tag {t!r}")
            if len(set(tags)) != len(tags): err("tag twice")
            # Consistency rules of data/nlu/README.md.
            present_red = [s["term"] for s in syms if s.get("term") in red_flags and s.get("status") in ("Present", "Uncertain")]
            if present_red and "red-flag" not in tags: err(f"red-flag term {present_red} without tag red-flag")
            if "red-flag" in tags and not present_red: err("tag red-flag without a present/uncertain red-flag term")
            if intent == "FamilyMember" and "family" not in tags: err("FamilyMember without tag family")
            if "coreference" in tags and not o.get("mentioned"): err("coreference without mentioned")
            if intent == "Question" and "question" not in tags: err("Question without tag question")
            if intent == "OffTopic" and "off-topic" not in tags: err("OffTopic without tag off-topic")
            if intent == "Uncertain" and "uncertain" not in tags: err("Uncertain without tag uncertain")
            if intent in ("Affirm", "Deny", "Uncertain") and q in YESNO_TERMS:
                want = {"Affirm": "Present", "Deny": "Absent", "Uncertain": "Uncertain"}[intent]
                if q in INVERTED and intent != "Uncertain": want = "Absent" if intent == "Affirm" else "Present"
                got = [s for s in syms if s["term"] in YESNO_TERMS[q]]
                if not got: err(f"{intent} to {q} without its term {YESNO_TERMS[q]}")
                elif all(s["status"] != want for s in got): err(f"{intent} to {q} but its term is not {want}")
            if intent in ("Affirm", "Deny", "Uncertain") and q in vocab and vocab[q]["kind"] in ("Number", "Score") and o.get("values"):
                err(f"{intent} to a {vocab[q]['kind']} question carries a value: should be Inform")
            if intent == "Inform" and q in vocab and vocab[q]["kind"] in ("Number", "Score") and not o.get("values"):
                err(f"Inform to {q} without a value")
            if intent == "Inform" and q in vocab and vocab[q]["kind"] == "YesNo" and not o.get("values") and not syms:
                warnings.append(f"{where}: Inform to yes/no {q} with neither value nor symptom")
            if isinstance(text, str):
                texts[(re.sub(r"\s", "", text), q)].append((where, o.get("split"), intent))
        if len(prefixes) > 1: errors.append(f"{cat}.jsonl: several id prefixes {sorted(prefixes)}")
    for (t, q), occ in texts.items():
        if len(occ) > 1:
            splits = {s for _, s, _ in occ}
            intents = {i for _, _, i in occ}
            kind = "in train and test" if len(splits) > 1 else "twice"
            errors.append(f"same text {t!r} (question {q}) {kind}: {[w for w, _, _ in occ]}" + (f" intents {intents}" if len(intents) > 1 else ""))
    # Counts.
    total = len(rows)
    test = sum(1 for _, o in rows if o.get("split") == "test")
    ratio = test / total if total else 0
    if not 0.17 <= ratio <= 0.25: errors.append(f"test split {ratio:.1%}, want about 20 %")
    by_intent = collections.Counter((o.get("intent"), o.get("split")) for _, o in rows)
    for i, lo in TEST_MIN.items():
        if by_intent[(i, "test")] < lo: errors.append(f"intent {i}: {by_intent[(i, 'test')]} test lines, want >= {lo}")
    by_status = collections.Counter((s["status"], o.get("split")) for _, o in rows for s in o.get("symptoms", []))
    for s in STATUSES:
        if by_status[(s, "test")] < 30: errors.append(f"status {s}: {by_status[(s, 'test')]} test mentions, want >= 30")
    asked = {o.get("question") for _, o in rows}
    for q in vocab:
        if q not in asked: errors.append(f"question {q} has no utterance")
    if not a.quiet:
        def table(title, counter_pairs, keys):
            print(f"\n{title:<24}{'train':>7}{'test':>7}{'all':>7}")
            for k in keys:
                tr, te = counter_pairs[(k, "train")], counter_pairs[(k, "test")]
                print(f"{k:<24}{tr:>7}{te:>7}{tr + te:>7}")
        by_file = collections.Counter((c, o.get("split")) for c, o in rows)
        table("file", by_file, sorted({c for c, _ in rows}))
        table("intent", by_intent, INTENTS)
        table("symptom status", by_status, STATUSES)
        by_tag = collections.Counter((t, o.get("split")) for _, o in rows for t in o.get("tags", []))
        table("tag", by_tag, TAGS)
        by_vt = collections.Counter((v["type"], o.get("split")) for _, o in rows for v in o.get("values", []) or [])
        table("value type", by_vt, list(VALUE_TYPES))
        by_q = collections.Counter((o.get("question") or "(none)", o.get("split")) for _, o in rows)
        table("question", by_q, ["(none)", "identity"] + list(vocab))
        by_term = collections.Counter((s["term"], o.get("split")) for _, o in rows for s in o.get("symptoms", []))
        table("term", by_term, sorted({s["term"] for _, o in rows for s in o.get("symptoms", [])}, key=lambda t: -by_term[(t, "train")] - by_term[(t, "test")]))
        print(f"\nlines {total}, test {test} ({ratio:.1%}); terms from {terms_file or 'the starting list of NLU-DATA-FORMAT.md'}")
    if missing_added and terms_file:
        warnings.append(f"terms used here but not yet in {terms_file}: {' '.join(missing_added)}")
    for w in warnings: print("warning:", w)
    for e in errors: print("error:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
