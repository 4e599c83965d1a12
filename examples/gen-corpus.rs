//! Generates a synthetic research portal for benchmarks: a nashr portal and, with `--hugo DIR`,
//! the same corpus as a Hugo site with minimal layouts that show the same information.
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --outputs 1000 --out /tmp/bench-1k [--seed 1] [--hugo /tmp/bench-1k-hugo]
//! ```
//!
//! The corpus is deterministic for a seed: N outputs (en, fr, ur), about N/10 authors (people and
//! organisations), 40 topics, a project for about every 20 outputs, and a small attached text file
//! for every tenth output. Bodies are 600–900 words of real English, French and Urdu (Urdu script)
//! built from sentence templates, with `##` headings, lists, a table, links and sometimes a fenced
//! code block, so that byte sizes and Markdown features are realistic.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG (splitmix64)

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// A generator for one item, independent of the order in which items are generated.
    fn derive(seed: u64, salt: u64, i: u64) -> Self {
        let mut r = Rng(seed
            ^ salt.wrapping_mul(0xA24B_AED4_963E_E407)
            ^ i.wrapping_mul(0x9FB2_1C65_1E98_DF25));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability num/den.
    fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// k distinct indices out of 0..n, in drawing order.
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let k = k.min(n);
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let x = self.below(n);
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// Languages and word lists

const LANGS: [&str; 3] = ["en", "fr", "ur"];
const EN: usize = 0;
const FR: usize = 1;
const UR: usize = 2;

/// The words a language's sentences are built from.
struct Lex {
    subjects: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
    complements: &'static [&'static str],
    connectors: &'static [&'static str],
    units: &'static [&'static str],
    headings: &'static [&'static str],
    docs: &'static [&'static str],
    table_head: [&'static str; 4],
    table_intro: &'static str,
    list_intro: &'static str,
    code_intro: &'static str,
    code_comment: &'static str,
    list_end: &'static str,
    list_last: &'static str,
}

static LEX: [Lex; 3] = [
    Lex {
        subjects: &[
            "the research team",
            "the district court",
            "the provincial commission on the status of women",
            "local paralegals",
            "the legal aid committee",
            "the police station staff",
            "the forensic laboratory",
            "the women protection centre",
            "the shelter’s case workers",
            "the household survey",
            "the monitoring team",
            "community volunteers",
            "the provincial government",
            "the bar association",
            "the health department",
            "the project’s field officers",
            "the public prosecutor’s office",
            "the ombudsperson",
            "civil society organisations",
            "the national database authority",
            "district health officers",
            "the steering committee",
            "women’s rights activists",
            "the external evaluation",
            "the training programme",
        ],
        verbs: &[
            "documented",
            "reviewed",
            "analysed",
            "highlighted",
            "questioned",
            "measured",
            "compared",
            "described",
            "mapped",
            "reported on",
            "examined",
            "addressed",
            "tracked",
            "sought to reduce",
            "improved",
            "supported",
            "challenged",
            "assessed",
            "identified",
            "recorded",
            "discussed",
            "explained",
            "monitored",
            "underlined",
            "revealed",
        ],
        objects: &[
            "the delays in hearing cases of domestic violence",
            "the procedures for registering a first information report",
            "the quality of medico-legal examinations",
            "the conditions in government shelters",
            "the use of protection orders",
            "the costs that survivors bear during a trial",
            "the number of cases withdrawn before judgement",
            "the role of family mediation",
            "the training needs of police officers",
            "the gaps in the collection of forensic evidence",
            "the availability of female police officers",
            "the referral pathways between services",
            "the attitudes of court staff towards survivors",
            "the access of rural women to legal aid",
            "the records kept by the helpline",
            "the implementation of the new protection law",
            "the safety plans prepared for survivors",
            "the length of stay in shelters",
            "the outcomes of cases decided by the special court",
            "the budget allocated to legal aid",
            "the barriers faced by women with disabilities",
            "the information available on official websites",
            "the growing demand for counselling services",
            "the coordination between police and prosecutors",
            "the rights of women in marriage and divorce",
            "the inheritance claims brought by widows",
            "the working conditions of home-based workers",
            "the reach of community awareness sessions",
            "the use of mobile phones to report abuse",
            "the quality of official crime statistics",
        ],
        complements: &[
            "in three districts of Punjab",
            "between 2018 and 2021",
            "over a period of eighteen months",
            "in urban and rural areas alike",
            "with the help of local partners",
            "in close consultation with survivors",
            "across the province",
            "in the largest cities of the country",
            "during the first year of the project",
            "through a series of interviews",
            "on the basis of court records",
            "in a sample of 400 cases",
            "with support from the funder",
            "in spite of limited resources",
            "for the first time",
            "in every district visited",
            "before and after the reform",
            "in the districts where shelters exist",
            "using a short questionnaire",
            "at the request of the provincial government",
            "in partnership with the bar association",
            "through focus group discussions with women",
            "in the two pilot districts",
            "with remarkable consistency",
            "in most of the cases studied",
        ],
        connectors: &[
            "",
            "",
            "",
            "",
            "However, ",
            "In addition, ",
            "At the same time, ",
            "As a result, ",
            "In practice, ",
            "Moreover, ",
            "By contrast, ",
            "In several cases, ",
            "According to the interviews, ",
            "Overall, ",
        ],
        units: &[
            "complaints",
            "hearings",
            "interviews",
            "cases",
            "referrals",
            "calls to the helpline",
            "training sessions",
            "participants",
        ],
        headings: &[
            "Background",
            "Why this study",
            "Methods",
            "What we found",
            "The view from the districts",
            "Survivors’ experiences",
            "Police procedures",
            "Medical and forensic evidence",
            "In the courtroom",
            "Costs and delays",
            "Legal aid",
            "Shelters and protection centres",
            "Coordination between services",
            "Data and records",
            "Training",
            "Limitations",
            "Recommendations",
            "What comes next",
            "Lessons learned",
            "Policy implications",
            "The legal framework",
            "Community responses",
            "Funding and resources",
            "Monitoring and evaluation",
            "Conclusion",
        ],
        docs: &[
            "the court’s annual report",
            "the project’s data portal",
            "the provincial gazette",
            "the training manual",
            "the survey questionnaire",
            "the earlier baseline study",
            "the law commission’s review",
            "the helpline’s yearly summary",
        ],
        table_head: [
            "District",
            "Cases registered",
            "Cases decided",
            "Share decided (%)",
        ],
        table_intro: "The table below summarises the court records of the districts studied.",
        list_intro: "The main points are the following:",
        code_intro: "The figures were computed with the following script:",
        code_comment: "Median number of days from filing to decision, by district",
        list_end: ";",
        list_last: ".",
    },
    Lex {
        subjects: &[
            "l’équipe de recherche",
            "le tribunal de district",
            "la commission provinciale sur la condition de la femme",
            "le réseau de parajuristes",
            "le comité d’aide juridique",
            "le personnel du commissariat",
            "le laboratoire de police scientifique",
            "le centre de protection des femmes",
            "l’équipe du refuge",
            "l’enquête auprès des ménages",
            "l’équipe de suivi",
            "le groupe de bénévoles",
            "le gouvernement provincial",
            "l’ordre des avocats",
            "le ministère de la Santé",
            "l’agent de terrain du projet",
            "le parquet",
            "la médiatrice",
            "la société civile",
            "l’autorité nationale des bases de données",
            "le médecin-chef du district",
            "le comité de pilotage",
            "le mouvement des femmes",
            "l’évaluation externe",
            "le programme de formation",
        ],
        verbs: &[
            "a documenté",
            "a examiné",
            "a analysé",
            "a mis en évidence",
            "a remis en question",
            "a mesuré",
            "a comparé",
            "a décrit",
            "a cartographié",
            "a signalé",
            "a étudié",
            "a abordé",
            "a suivi",
            "a cherché à réduire",
            "a amélioré",
            "a soutenu",
            "a contesté",
            "a évalué",
            "a relevé",
            "a consigné",
            "a discuté",
            "a expliqué",
            "a surveillé",
            "a souligné",
            "a révélé",
        ],
        objects: &[
            "les retards dans le traitement des affaires de violence familiale",
            "les procédures d’enregistrement d’une plainte",
            "la qualité des examens médico-légaux",
            "les conditions de vie dans les refuges publics",
            "le recours aux ordonnances de protection",
            "les frais que les victimes supportent pendant un procès",
            "le nombre d’affaires retirées avant le jugement",
            "le rôle de la médiation familiale",
            "les besoins de formation des policiers",
            "les lacunes dans la collecte des preuves scientifiques",
            "la présence de policières dans les commissariats",
            "les circuits d’orientation entre les services",
            "l’attitude du personnel judiciaire envers les victimes",
            "l’accès des femmes rurales à l’aide juridique",
            "les registres tenus par la ligne d’écoute",
            "l’application de la nouvelle loi de protection",
            "les plans de sécurité préparés pour les victimes",
            "la durée du séjour dans les refuges",
            "l’issue des affaires jugées par le tribunal spécial",
            "le budget consacré à l’aide juridique",
            "les obstacles rencontrés par les femmes handicapées",
            "l’information disponible sur les sites officiels",
            "la demande croissante d’accompagnement psychologique",
            "la coordination entre la police et le parquet",
            "les droits des femmes dans le mariage et le divorce",
            "les demandes d’héritage présentées par les veuves",
            "les conditions de travail des travailleuses à domicile",
            "la portée des séances de sensibilisation",
            "l’usage du téléphone portable pour signaler des violences",
            "la qualité des statistiques officielles de la criminalité",
        ],
        complements: &[
            "dans trois districts du Pendjab",
            "entre 2018 et 2021",
            "sur une période de dix-huit mois",
            "en ville comme à la campagne",
            "avec l’aide de partenaires locaux",
            "en étroite concertation avec les victimes",
            "dans toute la province",
            "dans les plus grandes villes du pays",
            "au cours de la première année du projet",
            "au moyen d’une série d’entretiens",
            "à partir des dossiers judiciaires",
            "sur un échantillon de 400 affaires",
            "avec le soutien du bailleur de fonds",
            "malgré des moyens limités",
            "pour la première fois",
            "dans chaque district visité",
            "avant et après la réforme",
            "dans les districts dotés d’un refuge",
            "à l’aide d’un court questionnaire",
            "à la demande du gouvernement provincial",
            "en partenariat avec l’ordre des avocats",
            "lors de groupes de discussion avec des femmes",
            "dans les deux districts pilotes",
            "avec une remarquable constance",
            "dans la plupart des cas étudiés",
        ],
        connectors: &[
            "",
            "",
            "",
            "",
            "Cependant, ",
            "En outre, ",
            "Dans le même temps, ",
            "Par conséquent, ",
            "Dans la pratique, ",
            "De plus, ",
            "À l’inverse, ",
            "Dans plusieurs cas, ",
            "D’après les entretiens, ",
            "Dans l’ensemble, ",
        ],
        units: &[
            "plaintes",
            "audiences",
            "entretiens",
            "affaires",
            "orientations",
            "appels à la ligne d’écoute",
            "séances de formation",
            "participantes",
        ],
        headings: &[
            "Contexte",
            "Pourquoi cette étude",
            "Méthodes",
            "Principaux résultats",
            "Le regard des districts",
            "L’expérience des victimes",
            "Les procédures policières",
            "Preuves médicales et scientifiques",
            "Dans la salle d’audience",
            "Coûts et délais",
            "L’aide juridique",
            "Refuges et centres de protection",
            "La coordination entre les services",
            "Données et registres",
            "La formation",
            "Limites",
            "Recommandations",
            "Et ensuite",
            "Enseignements",
            "Conséquences pour les politiques publiques",
            "Le cadre juridique",
            "Les réponses communautaires",
            "Financement et ressources",
            "Suivi et évaluation",
            "Conclusion",
        ],
        docs: &[
            "le rapport annuel du tribunal",
            "le portail de données du projet",
            "le journal officiel de la province",
            "le manuel de formation",
            "le questionnaire de l’enquête",
            "l’étude de référence antérieure",
            "l’examen de la commission du droit",
            "le bilan annuel de la ligne d’écoute",
        ],
        table_head: [
            "District",
            "Affaires enregistrées",
            "Affaires jugées",
            "Part jugée (%)",
        ],
        table_intro: "Le tableau ci-dessous résume les dossiers judiciaires des districts étudiés.",
        list_intro: "Les principaux points sont les suivants :",
        code_intro: "Les chiffres ont été calculés avec le script suivant :",
        code_comment: "Nombre médian de jours entre le dépôt et la décision, par district",
        list_end: " ;",
        list_last: ".",
    },
    Lex {
        subjects: &[
            "تحقیقی ٹیم",
            "ضلعی عدالت",
            "صوبائی کمیشن برائے وقارِ نسواں",
            "مقامی پیرالیگلز",
            "قانونی امداد کمیٹی",
            "تھانے کے عملے",
            "فرانزک لیبارٹری",
            "خواتین کے تحفظ کے مرکز",
            "پناہ گاہ کی کیس ورکرز",
            "گھریلو سروے کی ٹیم",
            "نگرانی کرنے والی ٹیم",
            "کمیونٹی رضاکاروں",
            "صوبائی حکومت",
            "بار ایسوسی ایشن",
            "محکمۂ صحت",
            "منصوبے کے فیلڈ افسران",
            "پراسیکیوشن کے دفتر",
            "محتسب",
            "سول سوسائٹی کی تنظیموں",
            "قومی ڈیٹا بیس اتھارٹی",
            "ضلعی ہیلتھ افسران",
            "اسٹیئرنگ کمیٹی",
            "خواتین کے حقوق کی کارکنوں",
            "بیرونی جائزہ ٹیم",
            "تربیتی پروگرام کی ٹیم",
        ],
        verbs: &[
            "کو دستاویزی شکل دی",
            "کا جائزہ لیا",
            "کا تجزیہ کیا",
            "کو اجاگر کیا",
            "پر سوال اٹھایا",
            "کی پیمائش کی",
            "کا موازنہ کیا",
            "کی وضاحت کی",
            "کا نقشہ تیار کیا",
            "کے بارے میں رپورٹ دی",
            "کا مطالعہ کیا",
            "پر توجہ دی",
            "کا سراغ لگایا",
            "کو کم کرنے کی کوشش کی",
            "کو بہتر بنایا",
            "کی حمایت کی",
            "کو چیلنج کیا",
            "کا اندازہ لگایا",
            "کی نشاندہی کی",
            "کا ریکارڈ رکھا",
            "پر تبادلۂ خیال کیا",
            "کی تفصیل بیان کی",
            "کی نگرانی کی",
            "پر زور دیا",
            "کا انکشاف کیا",
        ],
        objects: &[
            "گھریلو تشدد کے مقدمات کی سماعت میں تاخیر",
            "ایف آئی آر درج کرانے کے طریقۂ کار",
            "میڈیکو لیگل معائنوں کے معیار",
            "سرکاری پناہ گاہوں کے حالات",
            "حفاظتی احکامات کے استعمال",
            "مقدمے کے دوران متاثرہ خواتین کے اخراجات",
            "فیصلے سے پہلے واپس لیے گئے مقدمات کی تعداد",
            "خاندانی ثالثی کے کردار",
            "پولیس افسران کی تربیتی ضروریات",
            "فرانزک شواہد جمع کرنے میں موجود خلا",
            "تھانوں میں خواتین پولیس اہلکاروں کی موجودگی",
            "مختلف اداروں کے درمیان ریفرل کے نظام",
            "متاثرہ خواتین کے بارے میں عدالتی عملے کے رویے",
            "دیہی خواتین کی قانونی امداد تک رسائی",
            "ہیلپ لائن کے ریکارڈ",
            "تحفظ کے نئے قانون پر عمل درآمد",
            "متاثرہ خواتین کے لیے حفاظتی منصوبوں",
            "پناہ گاہوں میں قیام کی مدت",
            "خصوصی عدالت کے فیصلوں کے نتائج",
            "قانونی امداد کے بجٹ",
            "معذور خواتین کو درپیش رکاوٹوں",
            "سرکاری ویب سائٹس پر دستیاب معلومات",
            "نفسیاتی مشاورت کی بڑھتی ہوئی طلب",
            "پولیس اور استغاثہ کے درمیان رابطے",
            "شادی اور طلاق میں خواتین کے حقوق",
            "بیواؤں کے وراثتی دعووں",
            "گھروں میں کام کرنے والی خواتین کے حالاتِ کار",
            "آگاہی نشستوں کے اثرات",
            "تشدد کی اطلاع دینے کے لیے موبائل فون کے استعمال",
            "جرائم کے سرکاری اعداد و شمار کے معیار",
        ],
        complements: &[
            "پنجاب کے تین اضلاع میں",
            "2018 سے 2021 کے دوران",
            "اٹھارہ ماہ کے عرصے میں",
            "شہری اور دیہی دونوں علاقوں میں",
            "مقامی شراکت داروں کی مدد سے",
            "متاثرہ خواتین کے ساتھ قریبی مشاورت سے",
            "پورے صوبے میں",
            "ملک کے بڑے شہروں میں",
            "منصوبے کے پہلے سال کے دوران",
            "انٹرویوز کے ایک سلسلے کے ذریعے",
            "عدالتی ریکارڈ کی بنیاد پر",
            "400 مقدمات کے نمونے میں",
            "عطیہ دہندہ کے تعاون سے",
            "محدود وسائل کے باوجود",
            "پہلی بار",
            "ہر اس ضلع میں جس کا دورہ کیا گیا",
            "اصلاحات سے پہلے اور بعد میں",
            "ان اضلاع میں جہاں پناہ گاہیں موجود ہیں",
            "ایک مختصر سوال نامے کی مدد سے",
            "صوبائی حکومت کی درخواست پر",
            "بار ایسوسی ایشن کے اشتراک سے",
            "خواتین کے ساتھ گروپ مباحثوں کے ذریعے",
            "دونوں پائلٹ اضلاع میں",
            "غیر معمولی تسلسل کے ساتھ",
            "زیرِ مطالعہ بیشتر مقدمات میں",
        ],
        connectors: &[
            "",
            "",
            "",
            "",
            "تاہم، ",
            "اس کے علاوہ، ",
            "اسی دوران، ",
            "نتیجتاً، ",
            "عملی طور پر، ",
            "مزید برآں، ",
            "اس کے برعکس، ",
            "کئی مقدمات میں، ",
            "انٹرویوز کے مطابق، ",
            "مجموعی طور پر، ",
        ],
        units: &[
            "شکایات",
            "سماعتوں",
            "انٹرویوز",
            "مقدمات",
            "ریفرلز",
            "ہیلپ لائن کالز",
            "تربیتی نشستوں",
            "شرکا",
        ],
        headings: &[
            "پس منظر",
            "یہ مطالعہ کیوں",
            "طریقۂ کار",
            "اہم نتائج",
            "اضلاع کی صورتِ حال",
            "متاثرہ خواتین کے تجربات",
            "پولیس کا طریقۂ کار",
            "طبی اور فرانزک شواہد",
            "عدالت کے کمرے میں",
            "اخراجات اور تاخیر",
            "قانونی امداد",
            "پناہ گاہیں اور تحفظ کے مراکز",
            "اداروں کے درمیان رابطہ",
            "اعداد و شمار اور ریکارڈ",
            "تربیت",
            "حدود",
            "سفارشات",
            "آئندہ اقدامات",
            "حاصل شدہ اسباق",
            "پالیسی پر اثرات",
            "قانونی ڈھانچہ",
            "کمیونٹی کا ردِعمل",
            "مالی وسائل",
            "نگرانی اور جائزہ",
            "خلاصہ",
        ],
        docs: &[
            "عدالت کی سالانہ رپورٹ",
            "منصوبے کا ڈیٹا پورٹل",
            "صوبائی گزٹ",
            "تربیتی کتابچہ",
            "سروے کا سوال نامہ",
            "سابقہ بنیادی مطالعہ",
            "لا کمیشن کا جائزہ",
            "ہیلپ لائن کا سالانہ خلاصہ",
        ],
        table_head: [
            "ضلع",
            "درج شدہ مقدمات",
            "فیصل شدہ مقدمات",
            "فیصلوں کی شرح (%)",
        ],
        table_intro: "ذیل کی جدول میں زیرِ مطالعہ اضلاع کے عدالتی ریکارڈ کا خلاصہ دیا گیا ہے۔",
        list_intro: "اہم نکات درج ذیل ہیں:",
        code_intro: "یہ اعداد و شمار درج ذیل اسکرپٹ سے حاصل کیے گئے:",
        code_comment: "ہر ضلع میں مقدمہ دائر ہونے سے فیصلے تک دنوں کی درمیانی تعداد",
        list_end: "؛",
        list_last: "۔",
    },
];

/// Cities: English, French (bare), French (with preposition), Urdu.
const CITIES: &[[&str; 4]] = &[
    ["Lahore", "Lahore", "à Lahore", "لاہور"],
    ["Karachi", "Karachi", "à Karachi", "کراچی"],
    ["Peshawar", "Peshawar", "à Peshawar", "پشاور"],
    ["Quetta", "Quetta", "à Quetta", "کوئٹہ"],
    ["Multan", "Multan", "à Multan", "ملتان"],
    ["Faisalabad", "Faisalabad", "à Faisalabad", "فیصل آباد"],
    ["Rawalpindi", "Rawalpindi", "à Rawalpindi", "راولپنڈی"],
    ["Hyderabad", "Hyderabad", "à Hyderabad", "حیدرآباد"],
    ["Sukkur", "Sukkur", "à Sukkur", "سکھر"],
    ["Mardan", "Mardan", "à Mardan", "مردان"],
    ["Gilgit", "Gilgit", "à Gilgit", "گلگت"],
    ["Muzaffarabad", "Muzaffarabad", "à Muzaffarabad", "مظفرآباد"],
    ["Bahawalpur", "Bahawalpur", "à Bahawalpur", "بہاولپور"],
    ["Sialkot", "Sialkot", "à Sialkot", "سیالکوٹ"],
    ["Abbottabad", "Abbottabad", "à Abbottabad", "ایبٹ آباد"],
    ["Larkana", "Larkana", "à Larkana", "لاڑکانہ"],
    ["Gwadar", "Gwadar", "à Gwadar", "گوادر"],
    ["Islamabad", "Islamabad", "à Islamabad", "اسلام آباد"],
];

/// Provinces and territories: English, French (bare), French (with preposition), Urdu.
const REGIONS: &[[&str; 4]] = &[
    ["Punjab", "Pendjab", "au Pendjab", "پنجاب"],
    ["Sindh", "Sindh", "dans le Sindh", "سندھ"],
    [
        "Khyber Pakhtunkhwa",
        "Khyber Pakhtunkhwa",
        "au Khyber Pakhtunkhwa",
        "خیبر پختونخوا",
    ],
    [
        "Balochistan",
        "Baloutchistan",
        "au Baloutchistan",
        "بلوچستان",
    ],
    [
        "Gilgit-Baltistan",
        "Gilgit-Baltistan",
        "au Gilgit-Baltistan",
        "گلگت بلتستان",
    ],
    [
        "Azad Jammu and Kashmir",
        "Azad Jammu-et-Cachemire",
        "en Azad Jammu-et-Cachemire",
        "آزاد جموں و کشمیر",
    ],
];

/// Output subjects (titles): en, fr, ur.
const SUBJECTS: &[[&str; 3]] = &[
    [
        "Delays in gender-based violence cases",
        "Les délais dans les affaires de violence fondée sur le genre",
        "صنفی تشدد کے مقدمات میں تاخیر",
    ],
    [
        "Access to legal aid for rural women",
        "L’accès des femmes rurales à l’aide juridique",
        "دیہی خواتین کی قانونی امداد تک رسائی",
    ],
    [
        "Police handling of domestic violence complaints",
        "Le traitement des plaintes pour violence familiale par la police",
        "گھریلو تشدد کی شکایات پر پولیس کا ردِعمل",
    ],
    [
        "Medico-legal examinations",
        "Les examens médico-légaux",
        "میڈیکو لیگل معائنے",
    ],
    [
        "Women’s shelters",
        "Les refuges pour femmes",
        "خواتین کی پناہ گاہیں",
    ],
    [
        "Protection orders",
        "Les ordonnances de protection",
        "حفاظتی احکامات",
    ],
    [
        "Inheritance claims of widows",
        "Les demandes d’héritage des veuves",
        "بیواؤں کے وراثتی دعوے",
    ],
    [
        "Child marriage",
        "Le mariage des enfants",
        "کم عمری کی شادی",
    ],
    [
        "Home-based women workers",
        "Les travailleuses à domicile",
        "گھروں میں کام کرنے والی خواتین",
    ],
    [
        "Community paralegals",
        "Les parajuristes communautaires",
        "کمیونٹی پیرالیگلز",
    ],
    [
        "Special courts for violence against women",
        "Les tribunaux spécialisés dans les violences faites aux femmes",
        "خواتین پر تشدد کی خصوصی عدالتیں",
    ],
    [
        "Helplines for survivors",
        "Les lignes d’écoute pour les victimes",
        "متاثرہ خواتین کے لیے ہیلپ لائنز",
    ],
    [
        "Forensic evidence in rape trials",
        "La preuve scientifique dans les procès pour viol",
        "زیادتی کے مقدمات میں فرانزک شواہد",
    ],
    [
        "Family mediation",
        "La médiation familiale",
        "خاندانی ثالثی",
    ],
    [
        "Women police stations",
        "Les commissariats de femmes",
        "خواتین پولیس اسٹیشن",
    ],
    [
        "Land rights of women farmers",
        "Les droits fonciers des agricultrices",
        "کسان خواتین کے زمینی حقوق",
    ],
    [
        "Right to information requests",
        "Les demandes d’accès à l’information",
        "معلومات تک رسائی کی درخواستیں",
    ],
    [
        "Victim-sensitive prosecution",
        "Les poursuites attentives aux victimes",
        "متاثرین کا خیال رکھنے والا استغاثہ",
    ],
    [
        "Legal awareness in schools",
        "La sensibilisation juridique à l’école",
        "اسکولوں میں قانونی آگاہی",
    ],
    [
        "Online harassment",
        "Le harcèlement en ligne",
        "آن لائن ہراسانی",
    ],
    [
        "Workplace harassment committees",
        "Les comités contre le harcèlement au travail",
        "کام کی جگہ پر ہراسانی کے خلاف کمیٹیاں",
    ],
    [
        "Transgender persons’ access to services",
        "L’accès des personnes transgenres aux services",
        "خواجہ سرا افراد کی خدمات تک رسائی",
    ],
    [
        "Disability and access to courts",
        "Le handicap et l’accès aux tribunaux",
        "معذوری اور عدالتوں تک رسائی",
    ],
    [
        "Crisis centres in public hospitals",
        "Les centres de crise des hôpitaux publics",
        "سرکاری ہسپتالوں میں بحرانی مراکز",
    ],
    [
        "Budgets for women’s protection",
        "Les budgets de la protection des femmes",
        "خواتین کے تحفظ کے بجٹ",
    ],
    [
        "Bail decisions in violence cases",
        "Les décisions de libération sous caution dans les affaires de violence",
        "تشدد کے مقدمات میں ضمانت کے فیصلے",
    ],
    [
        "Dowry disputes",
        "Les litiges liés à la dot",
        "جہیز کے تنازعات",
    ],
    [
        "Marriage registration",
        "L’enregistrement des mariages",
        "نکاح کی رجسٹریشن",
    ],
    [
        "Prison conditions for women",
        "Les conditions de détention des femmes",
        "جیلوں میں خواتین کے حالات",
    ],
    [
        "Crime statistics",
        "Les statistiques de la criminalité",
        "جرائم کے اعداد و شمار",
    ],
];

/// Funding currencies (CAD drawn more often).
const CURRENCIES: &[&str] = &["CAD", "CAD", "CAD", "USD", "EUR", "GBP"];

const TYPES: &[&str] = &[
    "report",
    "training-material",
    "brief",
    "article",
    "dataset",
    "presentation",
    "video",
];
/// How often each type is drawn (out of 20).
const TYPE_WEIGHTS: &[usize] = &[7, 4, 3, 3, 1, 1, 1];

/// Title suffixes per output type: en, fr, ur.
const SUFFIXES: &[&[[&str; 3]]] = &[
    &[
        ["a monitoring report", "rapport de suivi", "نگرانی کی رپورٹ"],
        [
            "findings from a district survey",
            "résultats d’une enquête de district",
            "ضلعی سروے کے نتائج",
        ],
        ["an assessment", "une évaluation", "ایک جائزہ"],
    ],
    &[
        [
            "a training guide",
            "guide de formation",
            "تربیتی رہنما کتابچہ",
        ],
        [
            "a handbook for trainers",
            "manuel à l’usage des formateurs",
            "تربیت کاروں کے لیے کتابچہ",
        ],
    ],
    &[
        ["a policy brief", "note d’orientation", "پالیسی بریف"],
        [
            "key points for decision-makers",
            "points clés pour les décideurs",
            "فیصلہ سازوں کے لیے اہم نکات",
        ],
    ],
    &[
        [
            "lessons from the field",
            "leçons du terrain",
            "میدانِ عمل سے اسباق",
        ],
        [
            "a comparative analysis",
            "une analyse comparative",
            "ایک تقابلی تجزیہ",
        ],
    ],
    &[
        ["a dataset", "jeu de données", "ڈیٹا سیٹ"],
        ["case records", "données des dossiers", "مقدمات کا ریکارڈ"],
    ],
    &[[
        "conference slides",
        "présentation au colloque",
        "کانفرنس پریزنٹیشن",
    ]],
    &[["a documentary", "film documentaire", "دستاویزی فلم"]],
];

/// Topics: slug, en, fr, ur.
const TOPICS: &[[&str; 4]] = &[
    [
        "access-to-justice",
        "Access to justice",
        "Accès à la justice",
        "انصاف تک رسائی",
    ],
    [
        "gender-based-violence",
        "Gender-based violence",
        "Violence fondée sur le genre",
        "صنفی تشدد",
    ],
    ["courts", "Courts", "Tribunaux", "عدالتیں"],
    [
        "police-and-forensics",
        "Police and forensics",
        "Police et médecine légale",
        "پولیس اور فرانزک",
    ],
    ["shelters", "Shelters", "Refuges", "پناہ گاہیں"],
    [
        "community-outreach",
        "Community outreach",
        "Action de proximité",
        "کمیونٹی سے رابطہ",
    ],
    [
        "women-protection",
        "Women’s protection",
        "Protection des femmes",
        "خواتین کا تحفظ",
    ],
    ["legal-aid", "Legal aid", "Aide juridique", "قانونی امداد"],
    [
        "land-rights",
        "Land rights",
        "Droits fonciers",
        "زمین کے حقوق",
    ],
    ["inheritance", "Inheritance", "Héritage", "وراثت"],
    [
        "labour-rights",
        "Labour rights",
        "Droits des travailleurs",
        "مزدوروں کے حقوق",
    ],
    [
        "child-protection",
        "Child protection",
        "Protection de l’enfance",
        "بچوں کا تحفظ",
    ],
    ["education", "Education", "Éducation", "تعلیم"],
    [
        "health-systems",
        "Health systems",
        "Systèmes de santé",
        "صحت کا نظام",
    ],
    [
        "maternal-health",
        "Maternal health",
        "Santé maternelle",
        "زچہ و بچہ کی صحت",
    ],
    [
        "digital-rights",
        "Digital rights",
        "Droits numériques",
        "ڈیجیٹل حقوق",
    ],
    [
        "right-to-information",
        "Right to information",
        "Droit à l’information",
        "معلومات تک رسائی کا حق",
    ],
    [
        "local-government",
        "Local government",
        "Gouvernement local",
        "مقامی حکومت",
    ],
    ["elections", "Elections", "Élections", "انتخابات"],
    [
        "climate-adaptation",
        "Climate adaptation",
        "Adaptation au climat",
        "موسمیاتی تبدیلی سے مطابقت",
    ],
    [
        "water-governance",
        "Water governance",
        "Gouvernance de l’eau",
        "پانی کا انتظام",
    ],
    ["agriculture", "Agriculture", "Agriculture", "زراعت"],
    [
        "food-security",
        "Food security",
        "Sécurité alimentaire",
        "غذائی تحفظ",
    ],
    ["migration", "Migration", "Migrations", "نقل مکانی"],
    ["refugees", "Refugees", "Réfugiés", "پناہ گزین"],
    [
        "urban-poverty",
        "Urban poverty",
        "Pauvreté urbaine",
        "شہری غربت",
    ],
    [
        "microfinance",
        "Microfinance",
        "Microfinance",
        "مائیکرو فنانس",
    ],
    [
        "social-protection",
        "Social protection",
        "Protection sociale",
        "سماجی تحفظ",
    ],
    [
        "disability-rights",
        "Disability rights",
        "Droits des personnes handicapées",
        "معذور افراد کے حقوق",
    ],
    [
        "minority-rights",
        "Minority rights",
        "Droits des minorités",
        "اقلیتوں کے حقوق",
    ],
    [
        "transgender-rights",
        "Transgender rights",
        "Droits des personnes transgenres",
        "خواجہ سرا افراد کے حقوق",
    ],
    [
        "family-law",
        "Family law",
        "Droit de la famille",
        "عائلی قوانین",
    ],
    [
        "criminal-justice",
        "Criminal justice",
        "Justice pénale",
        "فوجداری انصاف",
    ],
    ["prisons", "Prisons", "Prisons", "جیل خانہ جات"],
    [
        "policing-reform",
        "Policing reform",
        "Réforme de la police",
        "پولیس اصلاحات",
    ],
    [
        "media-freedom",
        "Media freedom",
        "Liberté de la presse",
        "آزادیٔ صحافت",
    ],
    [
        "anti-corruption",
        "Anti-corruption",
        "Lutte contre la corruption",
        "انسدادِ بدعنوانی",
    ],
    [
        "public-finance",
        "Public finance",
        "Finances publiques",
        "سرکاری مالیات",
    ],
    [
        "data-and-statistics",
        "Data and statistics",
        "Données et statistiques",
        "اعداد و شمار",
    ],
    [
        "research-methods",
        "Research methods",
        "Méthodes de recherche",
        "تحقیقی طریقۂ کار",
    ],
];

/// First names: Latin script, Urdu script.
const FIRST: &[[&str; 2]] = &[
    ["Ayesha", "عائشہ"],
    ["Fatima", "فاطمہ"],
    ["Ali", "علی"],
    ["Hassan", "حسن"],
    ["Zainab", "زینب"],
    ["Imran", "عمران"],
    ["Sana", "ثنا"],
    ["Bilal", "بلال"],
    ["Nadia", "نادیہ"],
    ["Omar", "عمر"],
    ["Hina", "حنا"],
    ["Kamran", "کامران"],
    ["Saima", "صائمہ"],
    ["Asad", "اسد"],
    ["Rabia", "رابعہ"],
    ["Tariq", "طارق"],
    ["Mariam", "مریم"],
    ["Usman", "عثمان"],
    ["Farah", "فرح"],
    ["Yasir", "یاسر"],
    ["Amina", "آمنہ"],
    ["Shahid", "شاہد"],
    ["Mehwish", "مہوش"],
    ["Faisal", "فیصل"],
    ["Sadia", "سعدیہ"],
    ["Junaid", "جنید"],
    ["Uzma", "عظمیٰ"],
    ["Waqar", "وقار"],
    ["Nida", "ندا"],
    ["Haris", "حارث"],
    ["Claire", "کلیئر"],
    ["Marie", "میری"],
    ["Jean", "ژاں"],
    ["Aminata", "امیناتا"],
    ["Moussa", "موسیٰ"],
    ["Sarah", "سارہ"],
    ["David", "ڈیوڈ"],
    ["Emily", "ایملی"],
    ["Lucas", "لوکاس"],
    ["Fatou", "فاتو"],
];

/// Family names: Latin script, Urdu script.
const LAST: &[[&str; 2]] = &[
    ["Khan", "خان"],
    ["Ahmed", "احمد"],
    ["Malik", "ملک"],
    ["Qureshi", "قریشی"],
    ["Siddiqui", "صدیقی"],
    ["Butt", "بٹ"],
    ["Chaudhry", "چودھری"],
    ["Hussain", "حسین"],
    ["Raza", "رضا"],
    ["Shah", "شاہ"],
    ["Iqbal", "اقبال"],
    ["Javed", "جاوید"],
    ["Mirza", "مرزا"],
    ["Baig", "بیگ"],
    ["Rehman", "رحمان"],
    ["Akhtar", "اختر"],
    ["Bhatti", "بھٹی"],
    ["Abbasi", "عباسی"],
    ["Yousafzai", "یوسفزئی"],
    ["Durrani", "درانی"],
    ["Tremblay", "ترمبلے"],
    ["Gagnon", "گانیوں"],
    ["Roy", "روئے"],
    ["Diallo", "دیالو"],
    ["Traoré", "تراؤرے"],
    ["Martin", "مارٹن"],
    ["Lefebvre", "لوفیور"],
    ["Smith", "اسمتھ"],
    ["Campbell", "کیمپبل"],
    ["Fawad", "فواد"],
];

/// Kinds of organisation, `{p}` is a city: en, fr, ur.
const ORG_KINDS: &[[&str; 3]] = &[
    [
        "{p} Legal Aid Society",
        "Société d’aide juridique de {p}",
        "{p} لیگل ایڈ سوسائٹی",
    ],
    [
        "{p} Women’s Rights Forum",
        "Forum des droits des femmes de {p}",
        "{p} فورم برائے حقوقِ نسواں",
    ],
    [
        "{p} Centre for Social Research",
        "Centre de recherche sociale de {p}",
        "{p} مرکز برائے سماجی تحقیق",
    ],
    [
        "{p} Shelter Trust",
        "Fondation des refuges de {p}",
        "{p} شیلٹر ٹرسٹ",
    ],
    [
        "{p} Bar Association",
        "Ordre des avocats de {p}",
        "{p} بار ایسوسی ایشن",
    ],
    [
        "{p} Rural Support Programme",
        "Programme de soutien rural de {p}",
        "{p} رورل سپورٹ پروگرام",
    ],
    [
        "{p} Institute of Policy Studies",
        "Institut d’études politiques de {p}",
        "{p} انسٹی ٹیوٹ آف پالیسی اسٹڈیز",
    ],
    [
        "{p} Human Rights Commission",
        "Commission des droits humains de {p}",
        "{p} انسانی حقوق کمیشن",
    ],
    ["University of {p}", "Université de {p}", "جامعہ {p}"],
    [
        "{p} Health Foundation",
        "Fondation pour la santé de {p}",
        "{p} ہیلتھ فاؤنڈیشن",
    ],
];

/// Roles of people: en, fr, ur.
const ROLES: &[[&str; 3]] = &[
    ["a researcher", "chercheur ou chercheuse", "محقق"],
    ["a lawyer", "avocat ou avocate", "وکیل"],
    [
        "a programme officer",
        "chargé ou chargée de programme",
        "پروگرام افسر",
    ],
    ["a data analyst", "analyste de données", "ڈیٹا تجزیہ کار"],
    ["a trainer", "formateur ou formatrice", "تربیت کار"],
    [
        "a professor of law",
        "professeur ou professeure de droit",
        "قانون کے استاد",
    ],
];

/// Funders' programmes: en, fr, ur.
const PROGRAMS: &[[&str; 3]] = &[
    [
        "Governance and Justice",
        "Gouvernance et justice",
        "حکمرانی اور انصاف",
    ],
    [
        "Democratic and Inclusive Governance",
        "Gouvernance démocratique et inclusive",
        "جمہوری اور شمولیتی حکمرانی",
    ],
    [
        "Sustainable Inclusive Economies",
        "Économies durables et inclusives",
        "پائیدار اور شمولیتی معیشتیں",
    ],
    [
        "Education and Science",
        "Éducation et science",
        "تعلیم اور سائنس",
    ],
    ["Global Health", "Santé mondiale", "عالمی صحت"],
    [
        "Climate-Resilient Food Systems",
        "Systèmes alimentaires résilients face au climat",
        "موسمیاتی لحاظ سے مضبوط غذائی نظام",
    ],
];

/// Project title verbs: en, fr, ur (the Urdu one follows the subject).
const PROJECT_VERBS: &[[&str; 3]] = &[
    ["Improving", "Améliorer", "بہتری کا منصوبہ"],
    ["Strengthening", "Renforcer", "استحکام کا منصوبہ"],
    ["Rethinking", "Repenser", "ایک نئی سوچ"],
    [
        "Scaling up work on",
        "Étendre le travail sur",
        "کام کی توسیع",
    ],
];

const LANG_NAMES: [[&str; 3]; 3] = [
    ["English", "anglais", "انگریزی"],
    ["French", "français", "فرانسیسی"],
    ["Urdu", "ourdou", "اردو"],
];

// ---------------------------------------------------------------------------------------------
// Text helpers

/// The first letter in upper case.
fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The first letter in lower case (for a subject that follows a connector).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        let ch = match ch {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with('-') && ch != '’' {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// A double-quoted YAML (and TOML) string.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// An ORCID iD from its first 15 digits, with the ISO 7064 MOD 11-2 check digit.
fn orcid(digits: &str) -> String {
    let total = digits
        .bytes()
        .fold(0u32, |t, d| (t + u32::from(d - b'0')) * 2);
    let check = (12 - total % 11) % 11;
    let check = if check == 10 {
        'X'
    } else {
        char::from(b'0' + check as u8)
    };
    let d = digits.as_bytes();
    let s = |r: std::ops::Range<usize>| std::str::from_utf8(&d[r]).unwrap_or_default().to_owned();
    format!("{}-{}-{}-{}{check}", s(0..4), s(4..8), s(8..12), s(12..15))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A decimal number with the language's separator.
fn decimal(l: usize, x: f64) -> String {
    let s = format!("{x:.1}");
    if l == FR {
        s.replace('.', ",")
    } else {
        s
    }
}

/// One declarative sentence.
fn sentence(rng: &mut Rng, l: usize) -> String {
    let lx = &LEX[l];
    let c = *rng.pick(lx.connectors);
    let s = *rng.pick(lx.subjects);
    let x = *rng.pick(lx.complements);
    let numeric = rng.chance(1, 5);
    let n = rng.range(12, 950);
    let unit = *rng.pick(lx.units);
    let v = *rng.pick(lx.verbs);
    let o = *rng.pick(lx.objects);
    let o = if rng.chance(1, 12) {
        format!("**{o}**")
    } else {
        o.to_owned()
    };
    let s = if c.is_empty() {
        s.to_owned()
    } else {
        lower_first(s)
    };
    match (l, numeric) {
        (EN, true) => cap(&format!("{c}{s} recorded {n} {unit} {x}.")),
        (EN, false) => cap(&format!("{c}{s} {v} {o} {x}.")),
        (FR, true) => cap(&format!("{c}{s} a recensé {n} {unit} {x}.")),
        (FR, false) => cap(&format!("{c}{s} {v} {o} {x}.")),
        (_, true) => format!("{c}{x} {s} نے {n} {unit} کا اندراج کیا۔"),
        (_, false) => format!("{c}{x} {s} نے {o} {v}۔"),
    }
}

/// A sentence with a link to an external document.
fn link_sentence(rng: &mut Rng, l: usize) -> String {
    let di = rng.below(LEX[l].docs.len());
    let doc = LEX[l].docs[di];
    let url = format!(
        "https://example.org/library/{}/{}",
        di + 1,
        rng.range(100, 9999)
    );
    match (l, rng.chance(1, 2)) {
        (EN, true) => format!("Further details are available in [{doc}]({url})."),
        (EN, false) => format!("The full data are published in [{doc}]({url})."),
        (FR, true) => format!("Pour plus de détails, voir [{doc}]({url})."),
        (FR, false) => format!("Les données complètes sont publiées dans [{doc}]({url})."),
        (_, true) => format!("مزید تفصیلات کے لیے [{doc}]({url}) دیکھیے۔"),
        (_, false) => format!("مکمل اعداد و شمار [{doc}]({url}) میں شائع کیے گئے ہیں۔"),
    }
}

fn paragraph(rng: &mut Rng, l: usize, lo: usize, hi: usize, link: bool) -> String {
    let n = rng.range(lo, hi);
    let at = if link { rng.below(n) } else { usize::MAX };
    let mut out: Vec<String> = Vec::with_capacity(n + 1);
    for i in 0..n {
        out.push(sentence(rng, l));
        if i == at {
            out.push(link_sentence(rng, l));
        }
    }
    out.join(" ")
}

fn list(rng: &mut Rng, l: usize, ordered: bool) -> String {
    let lx = &LEX[l];
    let n = rng.range(3, 6);
    let mut out = String::new();
    for i in 0..n {
        let item = *rng.pick(lx.objects);
        let item = if rng.chance(1, 2) {
            format!("{item} {}", rng.pick(lx.complements))
        } else {
            item.to_owned()
        };
        let end = if i + 1 == n {
            lx.list_last
        } else {
            lx.list_end
        };
        let marker = if ordered {
            format!("{}.", i + 1)
        } else {
            "-".to_owned()
        };
        let _ = writeln!(out, "{marker} {item}{end}");
    }
    out
}

fn table(rng: &mut Rng, l: usize) -> String {
    let lx = &LEX[l];
    let mut out = format!(
        "{}\n\n| {} |\n|---|---:|---:|---:|\n",
        lx.table_intro,
        lx.table_head.join(" | ")
    );
    let rows = rng.range(4, 6);
    for ci in rng.distinct(CITIES.len(), rows) {
        let city = CITIES[ci][if l == UR { 3 } else { 0 }];
        let registered = rng.range(40, 900);
        let decided = rng.range(5, registered);
        let share = decided as f64 * 100.0 / registered as f64;
        let _ = writeln!(
            out,
            "| {city} | {registered} | {decided} | {} |",
            decimal(l, share)
        );
    }
    out
}

fn code_block(rng: &mut Rng, l: usize) -> String {
    let lx = &LEX[l];
    let year = rng.range(2015, 2023);
    if rng.chance(2, 3) {
        format!(
            "{}\n\n```python\nimport pandas as pd\n\n# {}\ncases = pd.read_csv(\"court_records_{year}.csv\", parse_dates=[\"filed\", \"decided\"])\ncases[\"days\"] = (cases[\"decided\"] - cases[\"filed\"]).dt.days\nsummary = cases.groupby(\"district\")[\"days\"].agg([\"count\", \"median\"])\nprint(summary.sort_values(\"median\", ascending=False).head({}))\n```\n",
            lx.code_intro,
            lx.code_comment,
            rng.range(5, 12)
        )
    } else {
        format!(
            "{}\n\n```r\nlibrary(dplyr)\n\n# {}\ncases <- read.csv(\"court_records_{year}.csv\")\ncases %>%\n  group_by(district) %>%\n  summarise(n = n(), median_days = median(days)) %>%\n  arrange(desc(median_days))\n```\n",
            lx.code_intro, lx.code_comment
        )
    }
}

/// A Markdown body of about `target` words.
fn body(rng: &mut Rng, l: usize, target: usize, with_code: bool) -> String {
    let lx = &LEX[l];
    let mut out = paragraph(rng, l, 3, 5, false);
    out.push_str("\n\n");
    let mut count = words(&out);
    let first = rng.below(lx.headings.len());
    let mut k = 0;
    while count < target {
        let mut sec = format!(
            "## {}\n\n",
            lx.headings[(first + k * 7) % lx.headings.len()]
        );
        let link = k == 0 || rng.chance(1, 3);
        sec.push_str(&paragraph(rng, l, 3, 5, link));
        sec.push_str("\n\n");
        let extra = match k {
            0 => format!("{}\n\n{}", lx.list_intro, list(rng, l, false)),
            1 => table(rng, l),
            2 if with_code => code_block(rng, l),
            _ => match rng.below(4) {
                0 => {
                    let ordered = rng.chance(1, 2);
                    format!("{}\n\n{}", lx.list_intro, list(rng, l, ordered))
                }
                1 => paragraph(rng, l, 2, 4, true) + "\n",
                _ => String::new(),
            },
        };
        if !extra.is_empty() {
            sec.push_str(&extra);
            sec.push('\n');
        }
        count += words(&sec);
        out.push_str(&sec);
        k += 1;
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// A plain summary of `n` sentences (no markup), for abstracts and descriptions.
fn plain(rng: &mut Rng, l: usize, n: usize) -> String {
    (0..n)
        .map(|_| sentence(rng, l).replace("**", ""))
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------------
// The corpus

struct Author {
    slug: String,
    org: bool,
    name: [String; 3],
    sort_name: [String; 3],
    /// Index of the city (organisations) or of the role (people).
    detail: usize,
    affiliation: Option<usize>,
    orcid: Option<String>,
    topic: usize,
}

struct Project {
    slug: String,
    subject: usize,
    region: usize,
    verb: usize,
    number: String,
    status: &'static str,
    start: String,
    end: String,
    months: usize,
    amount: usize,
    currency: &'static str,
    officer: usize,
    leaders: Vec<usize>,
    lead_orgs: Vec<usize>,
    partners: Vec<usize>,
    program: usize,
    regions: Vec<usize>,
    topics: Vec<usize>,
    /// First and last year of the project's outputs.
    years: (usize, usize),
}

struct Output {
    slug: String,
    subject: usize,
    place: usize,
    suffix: usize,
    kind: usize,
    /// As written in the nashr file (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    date: String,
    /// Always `YYYY-MM-DD` (Hugo).
    full_date: String,
    authors: Vec<usize>,
    topics: Vec<usize>,
    project: Option<usize>,
    publisher: Option<usize>,
    doi: Option<String>,
    url: Option<String>,
    license: Option<&'static str>,
    /// Language of the attached summary file, if any.
    file: Option<usize>,
}

struct Corpus {
    seed: u64,
    authors: Vec<Author>,
    projects: Vec<Project>,
    outputs: Vec<Output>,
}

const SALT_TEXT: u64 = 1;
const SALT_PROJECT_TEXT: u64 = 2;
const SALT_AUTHOR_TEXT: u64 = 3;
const SALT_TOPIC_TEXT: u64 = 4;

fn build(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);

    // Authors: about n/10, about 15 % organisations.
    let n_auth = (n / 10).max(12);
    let max_orgs = CITIES.len() * ORG_KINDS.len();
    let n_orgs = (n_auth * 15 / 100).clamp(3, max_orgs);
    let mut authors: Vec<Author> = Vec::with_capacity(n_auth);
    let mut taken = std::collections::HashSet::new();
    let mut orgs = Vec::new();
    for k in rng.distinct(max_orgs, n_orgs) {
        let (city, kind) = (k % CITIES.len(), k / CITIES.len());
        let name: [String; 3] = [
            ORG_KINDS[kind][0].replace("{p}", CITIES[city][0]),
            ORG_KINDS[kind][1].replace("{p}", CITIES[city][1]),
            ORG_KINDS[kind][2].replace("{p}", CITIES[city][3]),
        ];
        let slug = slugify(&name[0]);
        taken.insert(slug.clone());
        orgs.push(authors.len());
        authors.push(Author {
            slug,
            org: true,
            sort_name: name.clone(),
            name,
            detail: city,
            affiliation: None,
            orcid: None,
            topic: rng.below(TOPICS.len()),
        });
    }
    while authors.len() < n_auth {
        let f = rng.below(FIRST.len());
        let g = rng.below(LAST.len());
        let mut slug = slugify(&format!("{} {}", FIRST[f][0], LAST[g][0]));
        if taken.contains(&slug) {
            let base = slug.clone();
            let mut i = 2;
            while taken.contains(&slug) {
                slug = format!("{base}-{i}");
                i += 1;
            }
        }
        taken.insert(slug.clone());
        let latin = format!("{} {}", FIRST[f][0], LAST[g][0]);
        let latin_sort = format!("{}, {}", LAST[g][0], FIRST[f][0]);
        let affiliation = if rng.chance(7, 10) {
            Some(*rng.pick(&orgs))
        } else {
            None
        };
        let orcid = rng.chance(1, 2).then(|| {
            orcid(&format!(
                "0000000{}{:04}{:03}",
                rng.range(1, 3),
                rng.below(10000),
                rng.below(1000)
            ))
        });
        authors.push(Author {
            slug,
            org: false,
            name: [
                latin.clone(),
                latin,
                format!("{} {}", FIRST[f][1], LAST[g][1]),
            ],
            sort_name: [
                latin_sort.clone(),
                latin_sort,
                format!("{}، {}", LAST[g][1], FIRST[f][1]),
            ],
            detail: rng.below(ROLES.len()),
            affiliation,
            orcid,
            topic: rng.below(TOPICS.len()),
        });
    }
    let people: Vec<usize> = (0..authors.len()).filter(|&i| !authors[i].org).collect();

    // Projects: one for about every 20 outputs.
    let n_proj = (n / 20).max(1);
    let mut projects = Vec::with_capacity(n_proj);
    for p in 0..n_proj {
        let subject = rng.below(SUBJECTS.len());
        let region = rng.below(REGIONS.len());
        let start_year = rng.range(2005, 2021);
        let start_month = rng.range(1, 12);
        let months = *rng.pick(&[12, 18, 24, 30, 36, 48, 60]);
        let end_total = start_year * 12 + start_month - 1 + months - 1;
        let (end_year, end_month) = (end_total / 12, end_total % 12 + 1);
        let mut people_left = rng.distinct(people.len(), 4).into_iter().map(|i| people[i]);
        let officer = people_left.next().unwrap_or(people[0]);
        let leaders: Vec<usize> = people_left.take(rng.range(1, 3)).collect();
        let mut org_pick = rng.distinct(orgs.len(), 5).into_iter().map(|i| orgs[i]);
        let lead_orgs: Vec<usize> = org_pick.next().into_iter().collect();
        let partners: Vec<usize> = org_pick.take(rng.range(1, 4)).collect();
        let mut regions = vec![region];
        if rng.chance(1, 3) {
            let other = rng.below(REGIONS.len());
            if other != region {
                regions.push(other);
            }
        }
        projects.push(Project {
            slug: format!(
                "{}-{}-{}",
                slugify(SUBJECTS[subject][0]),
                slugify(REGIONS[region][0]),
                p + 1
            ),
            subject,
            region,
            verb: rng.below(PROJECT_VERBS.len()),
            number: format!("{}", 100_000 + rng.below(900_000)),
            status: if end_year >= 2025 {
                "active"
            } else {
                "completed"
            },
            start: format!("{start_year}-{start_month:02}-01"),
            end: format!("{end_year}-{end_month:02}-28"),
            months,
            amount: rng.range(8, 400) * 5000,
            currency: CURRENCIES[rng.below(CURRENCIES.len())],
            officer,
            leaders,
            lead_orgs,
            partners,
            program: rng.below(PROGRAMS.len()),
            regions,
            topics: {
                let k = rng.range(1, 3);
                rng.distinct(TOPICS.len(), k)
            },
            years: (start_year, (end_year + 1).min(2024)),
        });
    }

    // Outputs.
    let total_weight: usize = TYPE_WEIGHTS.iter().sum();
    let mut outputs = Vec::with_capacity(n);
    for i in 0..n {
        let subject = rng.below(SUBJECTS.len());
        let place = rng.below(CITIES.len());
        let mut w = rng.below(total_weight);
        let mut kind = 0;
        while w >= TYPE_WEIGHTS[kind] {
            w -= TYPE_WEIGHTS[kind];
            kind += 1;
        }
        let suffix = rng.below(SUFFIXES[kind].len());
        let project = rng.chance(3, 4).then(|| rng.below(n_proj));
        let (y0, y1) = project.map_or((2005, 2024), |p| projects[p].years);
        let (year, month, day) = (
            rng.range(y0, y1.max(y0)),
            rng.range(1, 12),
            rng.range(1, 28),
        );
        let date = match rng.below(20) {
            0 => format!("{year}"),
            1 | 2 => format!("{year}-{month:02}"),
            _ => format!("{year}-{month:02}-{day:02}"),
        };
        let full_date = match date.len() {
            4 => format!("{year}-01-01"),
            7 => format!("{year}-{month:02}-01"),
            _ => date.clone(),
        };
        let k = rng.range(1, 4);
        let authors_of = rng.distinct(authors.len(), k);
        let k = rng.range(1, 3);
        let topics = rng.distinct(TOPICS.len(), k);
        let publisher = rng.chance(1, 2).then(|| *rng.pick(&orgs));
        let doi = rng
            .chance(1, 3)
            .then(|| format!("10.5555/bench.{year}.{}", i + 1));
        let url = rng
            .chance(1, 4)
            .then(|| format!("https://example.org/handle/10625/{}", 50_000 + i));
        let license = rng
            .chance(2, 3)
            .then(|| *rng.pick(&["CC-BY-4.0", "CC-BY-4.0", "CC-BY-NC-4.0", "CC-BY-SA-4.0"]));
        let file = (i % 10 == 7).then(|| rng.below(3));
        outputs.push(Output {
            slug: format!(
                "{}-{}-{}",
                slugify(SUBJECTS[subject][0]),
                slugify(CITIES[place][0]),
                i + 1
            ),
            subject,
            place,
            suffix,
            kind,
            date,
            full_date,
            authors: authors_of,
            topics,
            project,
            publisher,
            doi,
            url,
            license,
            file,
        });
    }
    Corpus {
        seed,
        authors,
        projects,
        outputs,
    }
}

// ---------------------------------------------------------------------------------------------
// Per-language texts shared by both writers

fn output_title(o: &Output, l: usize) -> String {
    let s = SUBJECTS[o.subject][l];
    let suffix = SUFFIXES[o.kind][o.suffix][l];
    match l {
        EN => format!("{s} in {}: {suffix}", CITIES[o.place][0]),
        FR => format!("{s} {} : {suffix}", CITIES[o.place][2]),
        _ => format!("{} میں {s}: {suffix}", CITIES[o.place][3]),
    }
}

fn project_title(p: &Project, l: usize) -> String {
    let v = PROJECT_VERBS[p.verb][l];
    let r = &REGIONS[p.region];
    match l {
        EN => format!("{v} {} in {}", lower_first(SUBJECTS[p.subject][0]), r[0]),
        FR => format!("{v} {} {}", lower_first(SUBJECTS[p.subject][1]), r[2]),
        _ => format!("{} میں {}: {v}", r[3], SUBJECTS[p.subject][2]),
    }
}

fn author_bio(c: &Corpus, a: &Author, l: usize, rng: &mut Rng) -> String {
    let topic = TOPICS[a.topic][l + 1];
    let first = if a.org {
        let city = &CITIES[a.detail];
        match l {
            EN => format!(
                "{} is an organisation based in {}, working on {}.",
                a.name[0],
                city[0],
                topic.to_lowercase()
            ),
            FR => format!(
                "{} est une organisation basée {}, qui travaille sur le thème « {topic} ».",
                a.name[1], city[2]
            ),
            _ => format!(
                "{} {} میں قائم ایک ادارہ ہے جو «{topic}» کے موضوع پر کام کرتا ہے۔",
                a.name[2], city[3]
            ),
        }
    } else {
        let role = ROLES[a.detail][l];
        let aff = a.affiliation.map(|o| &c.authors[o].name[l]);
        match (l, aff) {
            (EN, Some(org)) => format!(
                "{} is {role} at the {org}, working on {}.",
                a.name[0],
                topic.to_lowercase()
            ),
            (EN, None) => format!(
                "{} is {role} working on {}.",
                a.name[0],
                topic.to_lowercase()
            ),
            (FR, Some(org)) => format!(
                "{} est {role} ({org}) et travaille sur le thème « {topic} ».",
                a.name[1]
            ),
            (FR, None) => format!(
                "{} est {role} et travaille sur le thème « {topic} ».",
                a.name[1]
            ),
            (_, Some(org)) => format!(
                "{} {org} سے وابستہ {role} ہیں اور «{topic}» کے موضوع پر کام کرتے ہیں۔",
                a.name[2]
            ),
            (_, None) => format!(
                "{} {role} ہیں اور «{topic}» کے موضوع پر کام کرتے ہیں۔",
                a.name[2]
            ),
        }
    };
    format!("{first} {}\n", plain(rng, l, 2))
}

fn topic_body(t: usize, l: usize, rng: &mut Rng) -> String {
    let title = TOPICS[t][l + 1];
    let first = match l {
        EN => format!("{title}: research, reports and training material on this theme."),
        FR => format!("« {title} » : recherches, rapports et matériel de formation sur ce thème."),
        _ => format!("{title}: اس موضوع پر تحقیق، رپورٹس اور تربیتی مواد۔"),
    };
    format!("{first} {}\n", plain(rng, l, 2))
}

fn file_name(o: &Output) -> Option<String> {
    o.file.map(|fl| format!("summary-{}.txt", LANGS[fl]))
}

fn file_title(fl: usize, l: usize) -> String {
    let lang = LANG_NAMES[fl][l];
    match l {
        EN => format!("Summary in {lang} (plain text)"),
        FR => format!("Résumé en {lang} (texte brut)"),
        _ => format!("{lang} میں خلاصہ (سادہ متن)"),
    }
}

const SITE_TITLE: [&str; 3] = [
    "Research Portal Benchmark",
    "Portail de recherche (banc d’essai)",
    "تحقیقی پورٹل (بینچ مارک)",
];
const HOME_TEXT: [&str; 3] = [
    "This portal gathers the reports, briefs and training material of a network of research projects on access to justice. It is a synthetic corpus generated for benchmarks.",
    "Ce portail rassemble les rapports, notes et supports de formation d’un réseau de projets de recherche sur l’accès à la justice. C’est un corpus synthétique généré pour des mesures de performance.",
    "یہ پورٹل انصاف تک رسائی سے متعلق تحقیقی منصوبوں کی رپورٹس، پالیسی بریفس اور تربیتی مواد کو یکجا کرتا ہے۔ یہ کارکردگی جانچنے کے لیے تیار کیا گیا ایک مصنوعی مجموعہ ہے۔",
];
const ABOUT_TITLE: [&str; 3] = [
    "About this portal",
    "À propos de ce portail",
    "اس پورٹل کے بارے میں",
];

// ---------------------------------------------------------------------------------------------
// Writing

struct Writer {
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

fn yaml_list(slugs: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", slugs.into_iter().collect::<Vec<_>>().join(", "))
}

fn nashr_site(c: &Corpus, root: &Path, w: &mut Writer) -> std::io::Result<()> {
    let site = format!(
        "# Synthetic benchmark portal: {} outputs, seed {} (examples/gen-corpus.rs).\ntitle:\n  en: {}\n  fr: {}\n  ur: {}\nbase_url: https://example.org/bench\ndefault_language: en\nlanguages:\n  - {{ code: en, name: English }}\n  - {{ code: fr, name: Français }}\n  - {{ code: ur, name: اردو, direction: rtl }}\ntheme: default\nmissing_translation: fallback\n",
        c.outputs.len(),
        c.seed,
        q(SITE_TITLE[0]),
        q(SITE_TITLE[1]),
        q(SITE_TITLE[2])
    );
    w.write(&root.join("site.yaml"), &site)?;
    let content = root.join("content");
    for (l, code) in LANGS.iter().enumerate() {
        w.write(
            &content.join(format!("_index.{code}.md")),
            &format!(
                "---\ntitle: {}\n---\n\n{}\n",
                q(SITE_TITLE[l]),
                HOME_TEXT[l]
            ),
        )?;
        let weight = if l == EN { "menu_weight: 1\n" } else { "" };
        w.write(
            &content.join(format!("pages/about.{code}.md")),
            &format!(
                "---\ntitle: {}\n{weight}---\n\n{}\n",
                q(ABOUT_TITLE[l]),
                HOME_TEXT[l]
            ),
        )?;
    }
    for (t, topic) in TOPICS.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let mut rng = Rng::derive(c.seed, SALT_TOPIC_TEXT, t as u64);
            let text = format!(
                "---\ntitle: {}\n---\n\n{}",
                q(topic[l + 1]),
                topic_body(t, l, &mut rng)
            );
            w.write(
                &content.join(format!("topics/{}.{code}.md", topic[0])),
                &text,
            )?;
        }
    }
    for (i, a) in c.authors.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let mut fm = format!("---\nname: {}\n", q(&a.name[l]));
            if l == EN {
                let _ = writeln!(
                    fm,
                    "kind: {}",
                    if a.org { "organisation" } else { "person" }
                );
            }
            if !a.org && l != FR {
                let _ = writeln!(fm, "sort_name: {}", q(&a.sort_name[l]));
            }
            if l == EN {
                if let Some(o) = a.affiliation {
                    let _ = writeln!(fm, "affiliation: {}", c.authors[o].slug);
                }
                if let Some(id) = &a.orcid {
                    let _ = writeln!(fm, "orcid: {id}");
                }
                if a.org {
                    let _ = writeln!(fm, "url: https://example.org/orgs/{}", a.slug);
                }
            }
            let mut rng = Rng::derive(c.seed, SALT_AUTHOR_TEXT, i as u64);
            let text = format!("{fm}---\n{}", author_bio(c, a, l, &mut rng));
            w.write(
                &content.join(format!("authors/{}.{code}.md", a.slug)),
                &text,
            )?;
        }
    }
    for (pi, p) in c.projects.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let mut fm = format!("---\ntitle: {}\n", q(&project_title(p, l)));
            if l == EN {
                let _ = write!(
                    fm,
                    "number: \"{}\"\nstatus: {}\nstart: {}\nend: {}\nduration_months: {}\nfunding: {{ amount: {}, currency: {} }}\nofficer: {}\nleaders: {}\nlead_organisations: {}\npartners: {}\ncountries: [PK]\ntopics: {}\n",
                    p.number,
                    p.status,
                    p.start,
                    p.end,
                    p.months,
                    p.amount,
                    p.currency,
                    c.authors[p.officer].slug,
                    yaml_list(p.leaders.iter().map(|&a| c.authors[a].slug.clone())),
                    yaml_list(p.lead_orgs.iter().map(|&a| c.authors[a].slug.clone())),
                    yaml_list(p.partners.iter().map(|&a| c.authors[a].slug.clone())),
                    yaml_list(p.topics.iter().map(|&t| TOPICS[t][0].to_owned())),
                );
            }
            let _ = writeln!(fm, "programs: [{}]", q(PROGRAMS[p.program][l]));
            let regions = p.regions.iter().map(|&r| {
                q(REGIONS[r][if l == EN {
                    0
                } else if l == FR {
                    1
                } else {
                    3
                }])
            });
            let _ = writeln!(fm, "regions: [{}]", regions.collect::<Vec<_>>().join(", "));
            let mut rng = Rng::derive(c.seed, SALT_PROJECT_TEXT, pi as u64);
            let text = format!("{fm}---\n\n{}", body(&mut rng, l, 250, false));
            w.write(
                &content.join(format!("projects/{}/index.{code}.md", p.slug)),
                &text,
            )?;
        }
    }
    for (i, o) in c.outputs.iter().enumerate() {
        let dir = content.join(format!("outputs/{}", o.slug));
        let texts = output_texts(c, i);
        for (l, code) in LANGS.iter().enumerate() {
            let mut fm = format!("---\ntitle: {}\n", q(&output_title(o, l)));
            if l == EN {
                let _ = write!(
                    fm,
                    "type: {}\ndate: {}\nauthors: {}\ntopics: {}\n",
                    TYPES[o.kind],
                    o.date,
                    yaml_list(o.authors.iter().map(|&a| c.authors[a].slug.clone())),
                    yaml_list(o.topics.iter().map(|&t| TOPICS[t][0].to_owned())),
                );
                if let Some(p) = o.project {
                    let _ = writeln!(fm, "project: {}", c.projects[p].slug);
                }
                if let Some(p) = o.publisher {
                    let _ = writeln!(fm, "publisher: {}", c.authors[p].slug);
                }
                if let Some(d) = &o.doi {
                    let _ = writeln!(fm, "doi: {}", q(d));
                }
                if let Some(u) = &o.url {
                    let _ = writeln!(fm, "url: {u}");
                }
                if let Some(li) = o.license {
                    let _ = writeln!(fm, "license: {li}");
                }
                if let (Some(fl), Some(name)) = (o.file, file_name(o)) {
                    let _ = writeln!(
                        fm,
                        "files:\n  - {{ path: {name}, title: {}, language: {} }}",
                        q(&file_title(fl, EN)),
                        LANGS[fl]
                    );
                }
            }
            let _ = writeln!(fm, "abstract: {}", q(&texts[l].0));
            w.write(
                &dir.join(format!("index.{code}.md")),
                &format!("{fm}---\n\n{}", texts[l].1),
            )?;
        }
        if let (Some(fl), Some(name)) = (o.file, file_name(o)) {
            w.write(
                &dir.join(name),
                &format!("{}\n\n{}\n", output_title(o, fl), texts[fl].0),
            )?;
        }
    }
    Ok(())
}

/// (abstract, body) of an output in each language, with the same structure in every language.
fn output_texts(c: &Corpus, i: usize) -> Vec<(String, String)> {
    let mut meta = Rng::derive(c.seed, SALT_TEXT, i as u64);
    let target = meta.range(600, 900);
    let with_code = meta.chance(1, 8);
    let text_seed = meta.next();
    (0..3)
        .map(|l| {
            let mut rng = Rng::new(text_seed);
            let abs = plain(&mut rng, l, 3);
            (abs, body(&mut rng, l, target, with_code))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Hugo

const HUGO_I18N: [&str; 3] = [
    r#"date = "Date"
authors = "Authors"
topics = "Topics"
project = "Project"
publisher = "Publisher"
abstract = "Abstract"
downloads = "Downloads"
doi = "DOI"
license = "Licence"
url = "Address"
outputs = "Outputs"
projects = "Projects"
authors_nav = "Authors"
topics_nav = "Topics"
latest = "Latest outputs"
all_outputs = "All outputs"
project_outputs = "Outputs of this project"
members = "Members"
person = "Person"
organisation = "Organisation"
affiliation = "Affiliation"
homepage = "Homepage"
number = "Project number"
funding = "Funding"
officer = "Programme officer"
status = "Status"
start = "Start"
end = "End"
duration = "Duration (months)"
programs = "Programmes"
lead_organisations = "Lead organisations"
leaders = "Project leaders"
partners = "Partners"
countries = "Countries"
regions = "Regions"
description = "Description"
previous = "Previous"
next = "Next"
languages = "Languages"
status-active = "Active"
status-completed = "Completed"
type-report = "Report"
type-training-material = "Training material"
type-brief = "Brief"
type-article = "Article"
type-dataset = "Dataset"
type-presentation = "Presentation"
type-video = "Video"
"#,
    r#"date = "Date"
authors = "Auteurs"
topics = "Thèmes"
project = "Projet"
publisher = "Éditeur"
abstract = "Résumé"
downloads = "Téléchargements"
doi = "DOI"
license = "Licence"
url = "Adresse"
outputs = "Publications"
projects = "Projets"
authors_nav = "Auteurs"
topics_nav = "Thèmes"
latest = "Dernières publications"
all_outputs = "Toutes les publications"
project_outputs = "Publications de ce projet"
members = "Membres"
person = "Personne"
organisation = "Organisation"
affiliation = "Affiliation"
homepage = "Site web"
number = "Numéro du projet"
funding = "Financement"
officer = "Responsable de programme"
status = "Statut"
start = "Début"
end = "Fin"
duration = "Durée (mois)"
programs = "Programmes"
lead_organisations = "Organisations chefs de file"
leaders = "Responsables du projet"
partners = "Partenaires"
countries = "Pays"
regions = "Régions"
description = "Description"
previous = "Précédent"
next = "Suivant"
languages = "Langues"
status-active = "En cours"
status-completed = "Terminé"
type-report = "Rapport"
type-training-material = "Matériel de formation"
type-brief = "Note"
type-article = "Article"
type-dataset = "Jeu de données"
type-presentation = "Présentation"
type-video = "Vidéo"
"#,
    r#"date = "تاریخ"
authors = "مصنفین"
topics = "موضوعات"
project = "منصوبہ"
publisher = "ناشر"
abstract = "خلاصہ"
downloads = "ڈاؤن لوڈ"
doi = "ڈی او آئی"
license = "لائسنس"
url = "پتہ"
outputs = "اشاعتیں"
projects = "منصوبے"
authors_nav = "مصنفین"
topics_nav = "موضوعات"
latest = "تازہ ترین اشاعتیں"
all_outputs = "تمام اشاعتیں"
project_outputs = "اس منصوبے کی اشاعتیں"
members = "اراکین"
person = "فرد"
organisation = "ادارہ"
affiliation = "وابستگی"
homepage = "ویب سائٹ"
number = "منصوبہ نمبر"
funding = "مالی معاونت"
officer = "پروگرام افسر"
status = "کیفیت"
start = "آغاز"
end = "اختتام"
duration = "مدت (مہینے)"
programs = "پروگرام"
lead_organisations = "مرکزی ادارے"
leaders = "منصوبے کے سربراہ"
partners = "شراکت دار"
countries = "ممالک"
regions = "علاقے"
description = "تفصیل"
previous = "پچھلا"
next = "اگلا"
languages = "زبانیں"
status-active = "جاری"
status-completed = "مکمل"
type-report = "رپورٹ"
type-training-material = "تربیتی مواد"
type-brief = "بریف"
type-article = "مضمون"
type-dataset = "ڈیٹا سیٹ"
type-presentation = "پریزنٹیشن"
type-video = "ویڈیو"
"#,
];

const HUGO_LAYOUTS: &[(&str, &str)] = &[
    (
        "_default/baseof.html",
        r#"<!DOCTYPE html>
<html lang="{{ site.Language.Lang }}" dir="{{ site.Language.LanguageDirection | default "ltr" }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<header class="site-header">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav class="language-switcher" aria-label="{{ i18n "languages" }}"><ul>
{{ range .AllTranslations }}<li>{{ if eq .Language.Lang site.Language.Lang }}<span aria-current="true">{{ .Language.LanguageName }}</span>{{ else }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</li>
{{ end }}</ul></nav>
<nav class="main-nav"><ul>
<li><a href="{{ relLangURL "outputs/" }}">{{ i18n "outputs" }}</a></li>
<li><a href="{{ relLangURL "projects/" }}">{{ i18n "projects" }}</a></li>
<li><a href="{{ relLangURL "authors/" }}">{{ i18n "authors_nav" }}</a></li>
<li><a href="{{ relLangURL "topics/" }}">{{ i18n "topics_nav" }}</a></li>
<li><a href="{{ relLangURL "about/" }}">{{ with site.GetPage "/about" }}{{ .Title }}{{ end }}</a></li>
</ul></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"#,
    ),
    (
        "partials/output-card.html",
        r#"<li class="card output-card" data-type="{{ .Params.output_type }}" data-year="{{ .Date.Year }}" data-topics="{{ delimit (.Params.topics | default slice) " " }}">
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta"><span class="type-badge">{{ i18n (printf "type-%s" .Params.output_type) }}</span> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time>{{ with partial "terms.html" (dict "taxonomy" "authors" "slugs" .Params.authors) }} · <span class="authors">{{ range $i, $a := . }}{{ if $i }}, {{ end }}<bdi>{{ $a.LinkTitle }}</bdi>{{ end }}</span>{{ end }}</p>
{{ with .Params.abstract }}<p class="summary">{{ . | truncate 260 }}</p>{{ end }}
</li>
"#,
    ),
    (
        "partials/project-card.html",
        r#"<li class="card project-card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p class="meta">{{ i18n (printf "status-%s" .Params.status) }} · {{ .Params.start }} – {{ .Params.end }}</p></li>
"#,
    ),
    (
        // The term pages of a list of slugs, in front-matter order. (`.GetTerms` walks every term
        // of the taxonomy on each call in Hugo 0.111, which makes it quadratic for big sites.)
        "partials/terms.html",
        r#"{{ $out := slice }}{{ range .slugs }}{{ with site.GetPage (printf "/%s/%s" $.taxonomy .) }}{{ $out = $out | append . }}{{ end }}{{ end }}{{ return $out }}"#,
    ),
    (
        // Computed once per language, not once per paginator page.
        "partials/outputs-by-year.html",
        r#"{{ return .Pages.ByDate.Reverse.GroupByDate "2006" }}"#,
    ),
    (
        "partials/author-link.html",
        r#"{{ with site.GetPage (printf "/authors/%s" .) }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ else }}<bdi>{{ . }}</bdi>{{ end }}"#,
    ),
    (
        "partials/author-links.html",
        r#"{{ range $i, $s := . }}{{ if $i }}, {{ end }}{{ partial "author-link.html" $s }}{{ end }}"#,
    ),
    (
        "partials/project-outputs.html",
        r#"{{ $s := newScratch }}{{ range (where site.RegularPages "Section" "outputs").ByDate.Reverse }}{{ $o := . }}{{ with .Params.project }}{{ $s.Add . (slice $o) }}{{ end }}{{ end }}{{ return $s }}"#,
    ),
    (
        "partials/author-projects.html",
        r#"{{ $s := newScratch }}{{ range (where site.RegularPages "Section" "projects") }}{{ $p := . }}{{ range union (union (.Params.leaders | default slice) (.Params.lead_organisations | default slice)) (.Params.partners | default slice) }}{{ $s.Add . (slice $p) }}{{ end }}{{ end }}{{ return $s }}"#,
    ),
    (
        "partials/members.html",
        r#"{{ $s := newScratch }}{{ with site.GetPage "/authors" }}{{ range .Pages }}{{ $a := . }}{{ with .Params.affiliation }}{{ $s.Add . (slice $a) }}{{ end }}{{ end }}{{ end }}{{ return $s }}"#,
    ),
    (
        "partials/pager.html",
        r#"{{ if gt .TotalPages 1 }}<nav class="pager">{{ with .Prev }}<a rel="prev" href="{{ .URL }}">{{ i18n "previous" }}</a>{{ end }} <span>{{ .PageNumber }} / {{ .TotalPages }}</span> {{ with .Next }}<a rel="next" href="{{ .URL }}">{{ i18n "next" }}</a>{{ end }}</nav>{{ end }}
"#,
    ),
    (
        "index.html",
        r#"{{ define "main" }}
<section class="hero"><h1>{{ site.Title }}</h1>
<div class="prose">{{ .Content }}</div></section>
{{ $outputs := where site.RegularPages "Section" "outputs" }}
<section class="latest"><h2>{{ i18n "latest" }}</h2>
<ul class="cards">{{ range first 6 $outputs.ByDate.Reverse }}{{ partialCached "output-card.html" . .RelPermalink }}{{ end }}</ul>
<p><a href="{{ relLangURL "outputs/" }}">{{ i18n "all_outputs" }}</a> ({{ len $outputs }})</p></section>
<section class="projects"><h2>{{ i18n "projects" }}</h2>
<ul class="cards">{{ range where site.RegularPages "Section" "projects" }}{{ partial "project-card.html" . }}{{ end }}</ul></section>
{{ end }}
"#,
    ),
    (
        "_default/list.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ if eq .Section "outputs" }}{{ $pager := .Paginate (partialCached "outputs-by-year.html" . site.Language.Lang) }}
{{ range $pager.PageGroups }}<section class="year-group"><h2>{{ .Key }}</h2>
<ul class="cards">{{ range .Pages }}{{ partialCached "output-card.html" . .RelPermalink }}{{ end }}</ul></section>
{{ end }}{{ partial "pager.html" $pager }}
{{ else }}{{ $pager := .Paginate .Pages.ByTitle }}
<ul class="cards">{{ range $pager.Pages }}{{ partial "project-card.html" . }}{{ end }}</ul>
{{ partial "pager.html" $pager }}{{ end }}
{{ end }}
"#,
    ),
    (
        "_default/single.html",
        r#"{{ define "main" }}
<article><h1>{{ .Title }}</h1>
<div class="prose">{{ .Content }}</div></article>
{{ end }}
"#,
    ),
    (
        "outputs/single.html",
        r#"{{ define "main" }}
<article class="output">
<header>
<p class="kicker"><span class="type-badge">{{ i18n (printf "type-%s" .Params.output_type) }}</span></p>
<h1>{{ .Title }}</h1>
<dl class="facts">
<dt>{{ i18n "date" }}</dt><dd><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format ":date_long" }}</time></dd>
{{ with partial "terms.html" (dict "taxonomy" "authors" "slugs" .Params.authors) }}<dt>{{ i18n "authors" }}</dt><dd class="authors">{{ range $i, $a := . }}{{ if $i }}, {{ end }}<a href="{{ $a.RelPermalink }}">{{ $a.LinkTitle }}</a>{{ end }}</dd>
{{ end }}{{ with .Params.publisher }}<dt>{{ i18n "publisher" }}</dt><dd>{{ partial "author-link.html" . }}</dd>
{{ end }}{{ with .Params.project }}{{ with site.GetPage (printf "/projects/%s" .) }}<dt>{{ i18n "project" }}</dt><dd><a href="{{ .RelPermalink }}">{{ .Title }}</a></dd>
{{ end }}{{ end }}{{ with partial "terms.html" (dict "taxonomy" "topics" "slugs" .Params.topics) }}<dt>{{ i18n "topics" }}</dt><dd class="topics">{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</dd>
{{ end }}{{ with .Params.doi }}<dt>{{ i18n "doi" }}</dt><dd><a href="https://doi.org/{{ . }}" dir="ltr">{{ . }}</a></dd>
{{ end }}{{ with .Params.external_url }}<dt>{{ i18n "url" }}</dt><dd><a href="{{ . }}" dir="ltr">{{ . }}</a></dd>
{{ end }}{{ with .Params.license }}<dt>{{ i18n "license" }}</dt><dd dir="ltr">{{ . }}</dd>
{{ end }}</dl>
</header>
<section class="abstract"><h2>{{ i18n "abstract" }}</h2>
<p>{{ with .Params.abstract }}{{ . }}{{ else }}{{ .Summary }}{{ end }}</p></section>
{{ with .Params.files }}<section class="downloads"><h2>{{ i18n "downloads" }}</h2><ul class="files">
{{ range . }}{{ $f := . }}{{ with $.Resources.Get $f.path }}<li><a href="{{ .RelPermalink }}" download hreflang="{{ $f.language }}">{{ $f.title }}</a> <span class="file-meta">{{ .MediaType.SubType }} · {{ $f.language }}</span></li>
{{ end }}{{ end }}</ul></section>
{{ end }}<div class="prose body">
{{ .Content }}
</div>
</article>
{{ end }}
"#,
    ),
    (
        "projects/single.html",
        r#"{{ define "main" }}
<article class="project">
<p class="kicker">{{ i18n (printf "status-%s" .Params.status) }}</p>
<h1>{{ .Title }}</h1>
<table class="project-facts"><tbody>
{{ with .Params.number }}<tr><th scope="row">{{ i18n "number" }}</th><td dir="ltr">{{ . }}</td></tr>{{ end }}
{{ with .Params.funding }}<tr><th scope="row">{{ i18n "funding" }}</th><td>{{ lang.FormatNumberCustom 0 .amount }} {{ .currency }}</td></tr>{{ end }}
{{ with .Params.officer }}<tr><th scope="row">{{ i18n "officer" }}</th><td>{{ partial "author-link.html" . }}</td></tr>{{ end }}
<tr><th scope="row">{{ i18n "status" }}</th><td>{{ i18n (printf "status-%s" .Params.status) }}</td></tr>
<tr><th scope="row">{{ i18n "start" }}</th><td>{{ .Params.start }}</td></tr>
<tr><th scope="row">{{ i18n "end" }}</th><td>{{ .Params.end }}</td></tr>
<tr><th scope="row">{{ i18n "duration" }}</th><td>{{ .Params.duration_months }}</td></tr>
<tr><th scope="row">{{ i18n "programs" }}</th><td>{{ delimit .Params.programs ", " }}</td></tr>
<tr><th scope="row">{{ i18n "lead_organisations" }}</th><td>{{ partial "author-links.html" .Params.lead_organisations }}</td></tr>
<tr><th scope="row">{{ i18n "leaders" }}</th><td>{{ partial "author-links.html" .Params.leaders }}</td></tr>
<tr><th scope="row">{{ i18n "partners" }}</th><td>{{ partial "author-links.html" .Params.partners }}</td></tr>
<tr><th scope="row">{{ i18n "countries" }}</th><td>{{ delimit .Params.countries ", " }}</td></tr>
<tr><th scope="row">{{ i18n "regions" }}</th><td>{{ delimit .Params.regions ", " }}</td></tr>
{{ with partial "terms.html" (dict "taxonomy" "topics" "slugs" .Params.topics) }}<tr><th scope="row">{{ i18n "topics" }}</th><td>{{ range $i, $t := . }}{{ if $i }}, {{ end }}<a href="{{ $t.RelPermalink }}">{{ $t.LinkTitle }}</a>{{ end }}</td></tr>{{ end }}
</tbody></table>
<section class="description"><h2>{{ i18n "description" }}</h2><div class="prose">{{ .Content }}</div></section>
{{ $outs := (partialCached "project-outputs.html" . site.Language.Lang).Get .File.ContentBaseName }}
<section class="project-outputs"><h2>{{ i18n "project_outputs" }} ({{ len $outs }})</h2>
<ul class="cards">{{ range $outs }}{{ partialCached "output-card.html" . .RelPermalink }}{{ end }}</ul></section>
</article>
{{ end }}
"#,
    ),
    (
        "_default/taxonomy.html",
        r#"{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := .Pages.ByTitle }}{{ if eq .Data.Plural "authors" }}{{ $pages = .Pages.ByParam "sort_name" }}{{ end }}
{{ $pager := .Paginate $pages }}
<ul class="index-list">
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.kind }} <span class="kind">{{ i18n . }}</span>{{ end }} <span class="count">{{ len .Pages }}</span></li>
{{ end }}</ul>
{{ partial "pager.html" $pager }}
{{ end }}
"#,
    ),
    (
        "_default/term.html",
        r#"{{ define "main" }}
<article class="term">
{{ with .Params.kind }}<p class="kicker">{{ i18n . }}</p>{{ end }}
<h1>{{ .Title }}</h1>
{{ if or .Params.affiliation .Params.orcid .Params.homepage }}<dl class="facts">
{{ with .Params.affiliation }}<dt>{{ i18n "affiliation" }}</dt><dd>{{ partial "author-link.html" . }}</dd>{{ end }}
{{ with .Params.orcid }}<dt>ORCID</dt><dd><a href="https://orcid.org/{{ . }}" dir="ltr">{{ . }}</a></dd>{{ end }}
{{ with .Params.homepage }}<dt>{{ i18n "homepage" }}</dt><dd><a href="{{ . }}" dir="ltr">{{ . }}</a></dd>{{ end }}
</dl>{{ end }}
<div class="prose">{{ .Content }}</div>
{{ $outs := where .Pages "Section" "outputs" }}
<section><h2>{{ i18n "outputs" }} ({{ len $outs }})</h2>
{{ range $outs.ByDate.Reverse.GroupByDate "2006" }}<h3 class="year">{{ .Key }}</h3>
<ul class="cards">{{ range .Pages }}{{ partialCached "output-card.html" . .RelPermalink }}{{ end }}</ul>
{{ end }}</section>
{{ $slug := .File.ContentBaseName }}
{{ $projects := where .Pages "Section" "projects" }}{{ if eq .Data.Plural "authors" }}{{ $projects = (partialCached "author-projects.html" . site.Language.Lang).Get $slug }}{{ end }}
{{ with $projects }}<section><h2>{{ i18n "projects" }}</h2><ul class="cards">{{ range . }}{{ partial "project-card.html" . }}{{ end }}</ul></section>{{ end }}
{{ if eq .Data.Plural "authors" }}{{ with (partialCached "members.html" . site.Language.Lang).Get $slug }}<section><h2>{{ i18n "members" }}</h2><ul class="index-list">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}{{ end }}
</article>
{{ end }}
"#,
    ),
    (
        "404.html",
        r#"{{ define "main" }}<h1>404</h1><p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>{{ end }}
"#,
    ),
];

fn hugo_site(c: &Corpus, root: &Path, w: &mut Writer) -> std::io::Result<()> {
    let mut config = format!(
        "# Synthetic benchmark site: {} outputs, seed {} (examples/gen-corpus.rs in nashr).\nbaseURL = \"https://example.org/bench/\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true\npaginate = 50\nrssLimit = 50\nenableRobotsTXT = false\ndisableKinds = []\n\n[taxonomies]\n  author = \"authors\"\n  topic = \"topics\"\n\n[outputs]\n  home = [\"HTML\", \"RSS\"]\n  section = [\"HTML\"]\n  taxonomy = [\"HTML\"]\n  term = [\"HTML\"]\n  page = [\"HTML\"]\n",
        c.outputs.len(),
        c.seed
    );
    let names = ["English", "Français", "اردو"];
    for (l, code) in LANGS.iter().enumerate() {
        let _ = write!(
            config,
            "\n[languages.{code}]\n  languageName = {}\n  title = {}\n  weight = {}\n",
            q(names[l]),
            q(SITE_TITLE[l]),
            l + 1
        );
        if l == UR {
            config.push_str("  languageDirection = \"rtl\"\n");
        }
    }
    w.write(&root.join("hugo.toml"), &config)?;
    for (l, code) in LANGS.iter().enumerate() {
        // Hugo 0.111 reads `[key]` tables with `other = ...`, not `key = ...` lines.
        let table: String = HUGO_I18N[l]
            .lines()
            .filter_map(|line| line.split_once(" = "))
            .map(|(k, v)| format!("[{k}]\nother = {v}\n"))
            .collect();
        w.write(&root.join(format!("i18n/{code}.toml")), &table)?;
    }
    for (name, text) in HUGO_LAYOUTS {
        w.write(&root.join("layouts").join(name), text)?;
    }
    let content = root.join("content");
    let section_titles = [
        ("outputs", ["Outputs", "Publications", "اشاعتیں"]),
        ("projects", ["Projects", "Projets", "منصوبے"]),
        ("authors", ["Authors", "Auteurs", "مصنفین"]),
        ("topics", ["Topics", "Thèmes", "موضوعات"]),
    ];
    for (l, code) in LANGS.iter().enumerate() {
        w.write(
            &content.join(format!("_index.{code}.md")),
            &format!(
                "---\ntitle: {}\n---\n\n{}\n",
                q(SITE_TITLE[l]),
                HOME_TEXT[l]
            ),
        )?;
        w.write(
            &content.join(format!("about.{code}.md")),
            &format!(
                "---\ntitle: {}\n---\n\n{}\n",
                q(ABOUT_TITLE[l]),
                HOME_TEXT[l]
            ),
        )?;
        for (section, titles) in &section_titles {
            w.write(
                &content.join(format!("{section}/_index.{code}.md")),
                &format!("---\ntitle: {}\n---\n", q(titles[l])),
            )?;
        }
    }
    for (t, topic) in TOPICS.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let mut rng = Rng::derive(c.seed, SALT_TOPIC_TEXT, t as u64);
            let text = format!(
                "---\ntitle: {}\n---\n\n{}",
                q(topic[l + 1]),
                topic_body(t, l, &mut rng)
            );
            w.write(
                &content.join(format!("topics/{}/_index.{code}.md", topic[0])),
                &text,
            )?;
        }
    }
    for (i, a) in c.authors.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let mut fm = format!(
                "---\ntitle: {}\nkind: {}\nsort_name: {}\n",
                q(&a.name[l]),
                if a.org { "organisation" } else { "person" },
                q(&a.sort_name[l])
            );
            if let Some(o) = a.affiliation {
                let _ = writeln!(fm, "affiliation: {}", c.authors[o].slug);
            }
            if let Some(id) = &a.orcid {
                let _ = writeln!(fm, "orcid: {id}");
            }
            if a.org {
                let _ = writeln!(fm, "homepage: https://example.org/orgs/{}", a.slug);
            }
            let mut rng = Rng::derive(c.seed, SALT_AUTHOR_TEXT, i as u64);
            let text = format!("{fm}---\n{}", author_bio(c, a, l, &mut rng));
            w.write(
                &content.join(format!("authors/{}/_index.{code}.md", a.slug)),
                &text,
            )?;
        }
    }
    for (pi, p) in c.projects.iter().enumerate() {
        for (l, code) in LANGS.iter().enumerate() {
            let regions = p.regions.iter().map(|&r| {
                q(REGIONS[r][if l == EN {
                    0
                } else if l == FR {
                    1
                } else {
                    3
                }])
            });
            let fm = format!(
                "---\ntitle: {}\ndate: {}\nnumber: \"{}\"\nstatus: {}\nstart: {}\nend: {}\nduration_months: {}\nfunding: {{ amount: {}, currency: {} }}\nofficer: {}\nleaders: {}\nlead_organisations: {}\npartners: {}\nprograms: [{}]\ncountries: [PK]\nregions: [{}]\ntopics: {}\n---\n\n",
                q(&project_title(p, l)),
                p.start,
                p.number,
                p.status,
                p.start,
                p.end,
                p.months,
                p.amount,
                p.currency,
                c.authors[p.officer].slug,
                yaml_list(p.leaders.iter().map(|&a| c.authors[a].slug.clone())),
                yaml_list(p.lead_orgs.iter().map(|&a| c.authors[a].slug.clone())),
                yaml_list(p.partners.iter().map(|&a| c.authors[a].slug.clone())),
                q(PROGRAMS[p.program][l]),
                regions.collect::<Vec<_>>().join(", "),
                yaml_list(p.topics.iter().map(|&t| TOPICS[t][0].to_owned())),
            );
            let mut rng = Rng::derive(c.seed, SALT_PROJECT_TEXT, pi as u64);
            let text = format!("{fm}{}", body(&mut rng, l, 250, false));
            w.write(
                &content.join(format!("projects/{}/index.{code}.md", p.slug)),
                &text,
            )?;
        }
    }
    for (i, o) in c.outputs.iter().enumerate() {
        let dir = content.join(format!("outputs/{}", o.slug));
        let texts = output_texts(c, i);
        for (l, code) in LANGS.iter().enumerate() {
            // Hugo reserves `type` and `url` in front matter: they become `output_type` and
            // `external_url`. Hugo translations do not inherit front matter: every file has all.
            let mut fm = format!(
                "---\ntitle: {}\noutput_type: {}\ndate: {}\nauthors: {}\ntopics: {}\n",
                q(&output_title(o, l)),
                TYPES[o.kind],
                o.full_date,
                yaml_list(o.authors.iter().map(|&a| c.authors[a].slug.clone())),
                yaml_list(o.topics.iter().map(|&t| TOPICS[t][0].to_owned())),
            );
            if let Some(p) = o.project {
                let _ = writeln!(fm, "project: {}", c.projects[p].slug);
            }
            if let Some(p) = o.publisher {
                let _ = writeln!(fm, "publisher: {}", c.authors[p].slug);
            }
            if let Some(d) = &o.doi {
                let _ = writeln!(fm, "doi: {}", q(d));
            }
            if let Some(u) = &o.url {
                let _ = writeln!(fm, "external_url: {u}");
            }
            if let Some(li) = o.license {
                let _ = writeln!(fm, "license: {li}");
            }
            if let (Some(fl), Some(name)) = (o.file, file_name(o)) {
                let _ = writeln!(
                    fm,
                    "files:\n  - {{ path: {name}, title: {}, language: {} }}",
                    q(&file_title(fl, l)),
                    LANGS[fl]
                );
            }
            let _ = writeln!(fm, "abstract: {}", q(&texts[l].0));
            w.write(
                &dir.join(format!("index.{code}.md")),
                &format!("{fm}---\n\n{}", texts[l].1),
            )?;
        }
        if let (Some(fl), Some(name)) = (o.file, file_name(o)) {
            w.write(
                &dir.join(name),
                &format!("{}\n\n{}\n", output_title(o, fl), texts[fl].0),
            )?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Command line

struct Args {
    outputs: usize,
    out: PathBuf,
    seed: u64,
    hugo: Option<PathBuf>,
}

const USAGE: &str = "usage: gen-corpus --outputs N --out DIR [--seed S] [--hugo DIR]";

fn parse_args() -> Result<Args, String> {
    let mut outputs = None;
    let mut out = None;
    let mut seed = 1;
    let mut hugo = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{a} needs a value\n{USAGE}"))
        };
        match a.as_str() {
            "--outputs" => outputs = Some(value()?.parse().map_err(|e| format!("--outputs: {e}"))?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--hugo" => hugo = Some(PathBuf::from(value()?)),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ => return Err(format!("unknown argument `{a}`\n{USAGE}")),
        }
    }
    match (outputs, out) {
        (Some(outputs), Some(out)) if outputs > 0 => Ok(Args {
            outputs,
            out,
            seed,
            hugo,
        }),
        _ => Err(USAGE.to_owned()),
    }
}

/// Refuses to write into a folder that already has files in it.
fn check_empty(dir: &Path) -> Result<(), String> {
    let has_entries = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if has_entries {
        Err(format!("{} is not empty", dir.display()))
    } else {
        Ok(())
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let dirs = std::iter::once(&args.out).chain(args.hugo.as_ref());
    for dir in dirs {
        if let Err(e) = check_empty(dir) {
            eprintln!("gen-corpus: {e}");
            return ExitCode::FAILURE;
        }
    }
    let corpus = build(args.outputs, args.seed);
    let mut w = Writer { files: 0, bytes: 0 };
    if let Err(e) = nashr_site(&corpus, &args.out, &mut w) {
        eprintln!("gen-corpus: writing {}: {e}", args.out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "nashr portal: {} ({} outputs, {} projects, {} authors, {} topics; {} files, {:.1} MB)",
        args.out.display(),
        corpus.outputs.len(),
        corpus.projects.len(),
        corpus.authors.len(),
        TOPICS.len(),
        w.files,
        w.bytes as f64 / 1e6
    );
    if let Some(dir) = &args.hugo {
        let mut w = Writer { files: 0, bytes: 0 };
        if let Err(e) = hugo_site(&corpus, dir, &mut w) {
            eprintln!("gen-corpus: writing {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        println!(
            "Hugo site: {} ({} files, {:.1} MB)",
            dir.display(),
            w.files,
            w.bytes as f64 / 1e6
        );
    }
    ExitCode::SUCCESS
}
