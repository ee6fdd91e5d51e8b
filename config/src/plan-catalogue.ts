/*
 * The catalogue of standard goals and measures of an integration plan, per field of action.
 *
 * What integration managers agree on with newcomers again and again (VwV Integrationsmanagement
 * Baden-Württemberg and everyday practice: integration course, B1 / DTZ, recognition of foreign
 * qualifications, Jobcenter and Agentur für Arbeit, flat search and WBS, family doctor, Kita place,
 * sports club and volunteering, debt counselling, residence permit, settlement permit,
 * naturalisation …). A plan goal or measure names an entry by its key; the newcomer's site and the
 * plan PDF show it in the newcomer's language, so the goal agreement is one they can read.
 *
 * TRANSLATIONS AWAIT REVIEW BY NATIVE SPEAKERS: the German texts are the reference; the English,
 * Arabic (Modern Standard Arabic), Persian (Iran, with ZWNJ) and French texts were written for
 * MoBio and have not yet been checked by native readers. Names of German offices and benefits
 * (Jobcenter, Bürgergeld, WBS, DTZ …) stay beside the translation where a newcomer meets them as such.
 *
 * Keys are `<field>.<goal|measure>.<slug>` and never change once used: plans and frozen plan
 * versions store them. A District administrator adds entries in the admin panel (the sharing
 * plugin's catalogue-entry type); those are merged with these at run time.
 */
import type { Locale, Localized } from './locales.js';
import { FIELDS_OF_ACTION } from './reference.js';

export type FieldOfAction = (typeof FIELDS_OF_ACTION.codes)[number];
export const PLAN_ITEM_KINDS = ['goal', 'measure'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export interface CatalogueEntry {
  key: string;
  field: FieldOfAction;
  kind: PlanItemKind;
  label: Localized;
}

/** Longest key a plan stores (the components' `catalogueKey` maxLength). */
export const CATALOGUE_KEY_MAX = 100;
/** `<field>.<goal|measure>.<slug>`: lower-case letters, digits and hyphens in the slug. */
export const CATALOGUE_KEY_PATTERN = /^([A-Za-z]+)\.(goal|measure)\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type Texts = Record<FieldOfAction, Record<PlanItemKind, Record<string, Localized>>>;

const TEXTS = {
  language: {
    goal: {
      'integration-course': { de: 'Integrationskurs abschließen', en: 'Complete the integration course', ar: 'إتمام دورة الاندماج', fa: 'به پایان رساندن دوره ادغام', fr: 'Terminer le cours d’intégration' },
      'a2-certificate': { de: 'Deutschkenntnisse auf A2 nachweisen', en: 'Obtain proof of German at level A2', ar: 'الحصول على إثبات لمعرفة اللغة الألمانية بمستوى A2', fa: 'کسب مدرک زبان آلمانی در سطح A2', fr: 'Obtenir une attestation d’allemand de niveau A2' },
      'b1-certificate': { de: 'B1-Zertifikat erwerben (Deutsch-Test für Zuwanderer, DTZ)', en: 'Obtain the B1 certificate (German test for immigrants, DTZ)', ar: 'الحصول على شهادة B1 (اختبار اللغة الألمانية للمهاجرين DTZ)', fa: 'کسب مدرک B1 (آزمون زبان آلمانی برای مهاجران، DTZ)', fr: 'Obtenir le certificat B1 (test d’allemand pour immigrés, DTZ)' },
      'b2-job-language': { de: 'Berufsbezogene Deutschkenntnisse auf B2 erwerben', en: 'Reach job-related German at level B2', ar: 'اكتساب اللغة الألمانية المهنية بمستوى B2', fa: 'رسیدن به زبان آلمانی شغلی در سطح B2', fr: 'Atteindre un allemand professionnel de niveau B2' },
      'orientation-course': { de: 'Orientierungskurs und Test „Leben in Deutschland“ bestehen', en: 'Pass the orientation course and the “Life in Germany” test', ar: 'اجتياز دورة التوجيه واختبار «الحياة في ألمانيا»', fa: 'قبولی در دوره آشنایی و آزمون «زندگی در آلمان»', fr: 'Réussir le cours d’orientation et le test « Vivre en Allemagne »' },
      literacy: { de: 'Lesen und Schreiben in lateinischer Schrift lernen (Alphabetisierung)', en: 'Learn to read and write in Latin script (literacy)', ar: 'تعلّم القراءة والكتابة بالحروف اللاتينية (محو الأمية)', fa: 'یادگیری خواندن و نوشتن با الفبای لاتین (سوادآموزی)', fr: 'Apprendre à lire et à écrire en alphabet latin (alphabétisation)' },
      'everyday-german': { de: 'Sich im Alltag auf Deutsch verständigen (Behörden, Einkauf, Arzt)', en: 'Get by in German in everyday life (offices, shopping, doctor)', ar: 'التواصل بالألمانية في الحياة اليومية (الدوائر الرسمية، التسوّق، الطبيب)', fa: 'برقراری ارتباط به آلمانی در زندگی روزمره (ادارات، خرید، پزشک)', fr: 'Se débrouiller en allemand au quotidien (administrations, courses, médecin)' },
      'c1-studies': { de: 'Deutsch auf C1 für ein Studium erreichen', en: 'Reach German at level C1 for university studies', ar: 'الوصول إلى مستوى C1 في اللغة الألمانية للدراسة الجامعية', fa: 'رسیدن به سطح C1 زبان آلمانی برای تحصیل در دانشگاه', fr: 'Atteindre le niveau C1 en allemand pour des études supérieures' },
    },
    measure: {
      'course-entitlement': { de: 'Zulassung zum Integrationskurs beim BAMF oder der Ausländerbehörde beantragen', en: 'Apply to the BAMF or the immigration office for admission to the integration course', ar: 'التقدّم بطلب القبول في دورة الاندماج لدى المكتب الاتحادي للهجرة واللاجئين (BAMF) أو دائرة الأجانب', fa: 'درخواست مجوز شرکت در دوره ادغام از اداره فدرال مهاجرت و پناهندگان (BAMF) یا اداره اتباع خارجی', fr: 'Demander l’admission au cours d’intégration auprès du BAMF ou du service des étrangers' },
      'course-registration': { de: 'Bei einem Kursträger für den Integrationskurs anmelden', en: 'Register with a course provider for the integration course', ar: 'التسجيل لدى جهة تقدّم دورة الاندماج', fa: 'ثبت‌نام در یک مؤسسه برگزارکننده دوره ادغام', fr: 'S’inscrire auprès d’un organisme de formation pour le cours d’intégration' },
      'placement-test': { de: 'Einstufungstest machen', en: 'Take the placement test', ar: 'إجراء اختبار تحديد المستوى', fa: 'شرکت در آزمون تعیین سطح', fr: 'Passer le test de positionnement' },
      'dtz-registration': { de: 'Zur Prüfung „Deutsch-Test für Zuwanderer“ anmelden', en: 'Register for the “German test for immigrants” exam', ar: 'التسجيل في امتحان «اختبار اللغة الألمانية للمهاجرين»', fa: 'ثبت‌نام در آزمون «زبان آلمانی برای مهاجران»', fr: 'S’inscrire à l’examen « test d’allemand pour immigrés »' },
      'job-language-course': { de: 'Berufssprachkurs (DeuFöV) beantragen', en: 'Apply for a job-related language course (DeuFöV)', ar: 'التقدّم بطلب دورة اللغة المهنية (DeuFöV)', fa: 'درخواست دوره زبان شغلی (DeuFöV)', fr: 'Demander un cours de langue à visée professionnelle (DeuFöV)' },
      'course-childcare': { de: 'Kinderbetreuung während des Kurses klären', en: 'Arrange childcare during the course', ar: 'ترتيب رعاية الأطفال أثناء الدورة', fa: 'هماهنگی نگهداری از کودکان در طول دوره', fr: 'Organiser la garde des enfants pendant le cours' },
      'travel-costs': { de: 'Fahrtkostenzuschuss für den Kurs beantragen', en: 'Apply for a subsidy towards travel costs to the course', ar: 'التقدّم بطلب دعم لتكاليف المواصلات إلى الدورة', fa: 'درخواست کمک‌هزینه رفت‌وآمد برای دوره', fr: 'Demander une aide aux frais de transport pour le cours' },
      'language-cafe': { de: 'Regelmäßig ein Sprachcafé oder Sprachtandem besuchen', en: 'Regularly attend a language café or a language tandem', ar: 'المشاركة بانتظام في مقهى لغوي أو في تبادل لغوي (تاندم)', fa: 'شرکت منظم در کافه زبان یا تاندم زبانی', fr: 'Fréquenter régulièrement un café linguistique ou un tandem linguistique' },
    },
  },
  education: {
    goal: {
      'school-certificate-recognition': { de: 'Ausländisches Schulzeugnis anerkennen lassen', en: 'Have the foreign school certificate recognised', ar: 'معادلة الشهادة المدرسية الأجنبية', fa: 'ارزشیابی مدرک مدرسه خارجی', fr: 'Faire reconnaître le certificat scolaire étranger' },
      'lower-secondary-certificate': { de: 'Hauptschulabschluss nachholen', en: 'Obtain the lower secondary school certificate (Hauptschulabschluss) as an adult', ar: 'الحصول لاحقاً على شهادة المرحلة الإعدادية (Hauptschulabschluss)', fa: 'گرفتن مدرک پایان متوسطه اول (Hauptschulabschluss) در بزرگسالی', fr: 'Obtenir à l’âge adulte le certificat de fin de premier cycle (Hauptschulabschluss)' },
      'intermediate-certificate': { de: 'Mittleren Schulabschluss (Mittlere Reife) erwerben', en: 'Obtain the intermediate school certificate (Mittlere Reife)', ar: 'الحصول على الشهادة المدرسية المتوسطة (Mittlere Reife)', fa: 'کسب مدرک متوسطه (Mittlere Reife)', fr: 'Obtenir le diplôme de fin d’études intermédiaire (Mittlere Reife)' },
      'university-entrance': { de: 'Hochschulzugang klären (Studienkolleg, Feststellungsprüfung)', en: 'Clarify university entrance (preparatory college, assessment examination)', ar: 'توضيح شروط القبول الجامعي (الكلية التحضيرية، امتحان تحديد الأهلية)', fa: 'روشن کردن شرایط ورود به دانشگاه (کالج پیش‌دانشگاهی، آزمون تعیین صلاحیت)', fr: 'Clarifier l’accès aux études supérieures (Studienkolleg, examen d’aptitude)' },
      'start-studies': { de: 'Ein Studium aufnehmen', en: 'Start university studies', ar: 'بدء الدراسة الجامعية', fa: 'شروع تحصیل در دانشگاه', fr: 'Commencer des études supérieures' },
      'degree-evaluation': { de: 'Ausländischen Hochschulabschluss bewerten lassen (ZAB)', en: 'Have the foreign university degree evaluated (ZAB)', ar: 'تقييم الشهادة الجامعية الأجنبية (ZAB)', fa: 'ارزشیابی مدرک دانشگاهی خارجی (ZAB)', fr: 'Faire évaluer le diplôme universitaire étranger (ZAB)' },
      'school-place-children': { de: 'Schulplatz für die Kinder sichern', en: 'Secure school places for the children', ar: 'تأمين مقاعد دراسية للأطفال', fa: 'تأمین جای مدرسه برای فرزندان', fr: 'Obtenir une place à l’école pour les enfants' },
      'digital-skills': { de: 'Grundkenntnisse am Computer erwerben', en: 'Acquire basic computer skills', ar: 'اكتساب المهارات الأساسية في استخدام الحاسوب', fa: 'کسب مهارت‌های پایه کار با رایانه', fr: 'Acquérir des compétences de base en informatique' },
    },
    measure: {
      'collect-certificates': { de: 'Zeugnisse und Nachweise zusammenstellen und übersetzen lassen', en: 'Gather certificates and proofs and have them translated', ar: 'جمع الشهادات والوثائق وترجمتها', fa: 'جمع‌آوری مدارک و گواهی‌ها و ترجمه آن‌ها', fr: 'Rassembler les certificats et justificatifs et les faire traduire' },
      'zab-application': { de: 'Zeugnisbewertung bei der ZAB beantragen', en: 'Apply to the ZAB for a statement of comparability', ar: 'التقدّم بطلب تقييم الشهادة لدى المكتب المركزي للتعليم الأجنبي (ZAB)', fa: 'درخواست ارزشیابی مدرک از اداره مرکزی آموزش خارجی (ZAB)', fr: 'Demander une attestation de comparabilité à la ZAB' },
      'school-recognition-application': { de: 'Anerkennung des Schulzeugnisses beim Regierungspräsidium beantragen', en: 'Apply to the regional council (Regierungspräsidium) for recognition of the school certificate', ar: 'التقدّم بطلب معادلة الشهادة المدرسية لدى الحكومة الإقليمية (Regierungspräsidium)', fa: 'درخواست ارزشیابی مدرک مدرسه از فرمانداری منطقه (Regierungspräsidium)', fr: 'Demander la reconnaissance du certificat scolaire à la préfecture de région (Regierungspräsidium)' },
      'education-counselling': { de: 'Bildungsberatung wahrnehmen (z. B. Otto Benecke Stiftung, Garantiefonds Hochschule)', en: 'Attend education counselling (e.g. Otto Benecke Foundation, Garantiefonds Hochschule)', ar: 'حضور استشارة تعليمية (مثل مؤسسة أوتو بينيكه، Garantiefonds Hochschule)', fa: 'شرکت در مشاوره تحصیلی (مثلاً بنیاد اوتو بنکه، Garantiefonds Hochschule)', fr: 'Consulter un service d’orientation (p. ex. Fondation Otto Benecke, Garantiefonds Hochschule)' },
      'adult-school-course': { de: 'Für einen Kurs zum Nachholen des Schulabschlusses anmelden (Volkshochschule)', en: 'Register for a course to obtain a school-leaving certificate as an adult (adult education centre)', ar: 'التسجيل في دورة لاستكمال الشهادة المدرسية (مركز تعليم الكبار)', fa: 'ثبت‌نام در دوره اخذ مدرک مدرسه برای بزرگسالان (مرکز آموزش بزرگسالان)', fr: 'S’inscrire à un cours pour obtenir un diplôme scolaire (université populaire)' },
      'school-registration': { de: 'Kinder an der Schule anmelden (Schulamt, Vorbereitungsklasse)', en: 'Register the children at school (school office, preparatory class)', ar: 'تسجيل الأطفال في المدرسة (دائرة التعليم، الصف التحضيري)', fa: 'ثبت‌نام فرزندان در مدرسه (اداره آموزش، کلاس آمادگی)', fr: 'Inscrire les enfants à l’école (office scolaire, classe d’accueil)' },
      'education-participation': { de: 'Leistungen für Bildung und Teilhabe beantragen (Schulbedarf, Lernförderung)', en: 'Apply for education and participation benefits (school supplies, tutoring)', ar: 'التقدّم بطلب مساعدات التعليم والمشاركة (اللوازم المدرسية، دروس التقوية)', fa: 'درخواست کمک‌های آموزش و مشارکت (لوازم مدرسه، کلاس تقویتی)', fr: 'Demander les aides à l’éducation et à la participation (fournitures scolaires, soutien scolaire)' },
      'uni-assist': { de: 'Bewerbung um einen Studienplatz über uni-assist vorbereiten', en: 'Prepare the university application via uni-assist', ar: 'إعداد طلب القبول الجامعي عبر uni-assist', fa: 'آماده کردن درخواست پذیرش دانشگاه از طریق uni-assist', fr: 'Préparer la candidature à l’université via uni-assist' },
    },
  },
  vocationalTraining: {
    goal: {
      'career-orientation': { de: 'Berufliche Orientierung: passende Berufe kennenlernen', en: 'Career orientation: get to know suitable occupations', ar: 'التوجيه المهني: التعرّف على المهن المناسبة', fa: 'جهت‌یابی شغلی: آشنایی با حرفه‌های مناسب', fr: 'Orientation professionnelle : découvrir des métiers adaptés' },
      internship: { de: 'Ein Praktikum im Wunschberuf machen', en: 'Do an internship in the desired occupation', ar: 'القيام بتدريب عملي في المهنة المرغوبة', fa: 'گذراندن کارورزی در شغل دلخواه', fr: 'Faire un stage dans le métier souhaité' },
      'find-apprenticeship': { de: 'Einen Ausbildungsplatz finden', en: 'Find an apprenticeship place', ar: 'إيجاد مكان للتدريب المهني', fa: 'پیدا کردن جای آموزش حرفه‌ای', fr: 'Trouver une place d’apprentissage' },
      'start-apprenticeship': { de: 'Eine Berufsausbildung beginnen', en: 'Begin vocational training', ar: 'بدء التدريب المهني', fa: 'شروع آموزش حرفه‌ای', fr: 'Commencer une formation professionnelle' },
      'complete-apprenticeship': { de: 'Die Berufsausbildung erfolgreich abschließen', en: 'Complete vocational training successfully', ar: 'إتمام التدريب المهني بنجاح', fa: 'به پایان رساندن موفق آموزش حرفه‌ای', fr: 'Terminer la formation professionnelle avec succès' },
      'entry-qualification': { de: 'Einstiegsqualifizierung (EQ) absolvieren', en: 'Complete an introductory training placement (EQ)', ar: 'إتمام التأهيل التمهيدي للتدريب المهني (EQ)', fa: 'گذراندن دوره مقدماتی ورود به آموزش حرفه‌ای (EQ)', fr: 'Effectuer une qualification d’entrée en apprentissage (EQ)' },
      'partial-qualification': { de: 'Eine Teilqualifizierung in einem Beruf erwerben', en: 'Acquire a partial qualification in an occupation', ar: 'الحصول على تأهيل جزئي في مهنة', fa: 'کسب مدرک مهارت جزئی در یک حرفه', fr: 'Acquérir une qualification partielle dans un métier' },
      'vocational-school': { de: 'Die Berufsschule mit Sprachförderung bestehen', en: 'Pass vocational school with language support', ar: 'اجتياز المدرسة المهنية بدعم لغوي', fa: 'قبولی در مدرسه حرفه‌ای با کمک آموزش زبان', fr: 'Réussir l’école professionnelle avec un soutien linguistique' },
    },
    measure: {
      'careers-service': { de: 'Termin bei der Berufsberatung der Agentur für Arbeit vereinbaren', en: 'Make an appointment with the careers service of the Federal Employment Agency (Agentur für Arbeit)', ar: 'حجز موعد لدى الإرشاد المهني في وكالة العمل (Agentur für Arbeit)', fa: 'گرفتن وقت مشاوره شغلی از آژانس کار (Agentur für Arbeit)', fr: 'Prendre rendez-vous avec le service d’orientation de l’Agence pour l’emploi (Agentur für Arbeit)' },
      'application-documents': { de: 'Bewerbungsunterlagen erstellen (Lebenslauf, Anschreiben)', en: 'Prepare application documents (CV, cover letter)', ar: 'إعداد ملف التقديم (السيرة الذاتية، رسالة التقديم)', fa: 'تهیه مدارک درخواست (رزومه، نامه درخواست)', fr: 'Préparer le dossier de candidature (CV, lettre de motivation)' },
      'chamber-counselling': { de: 'Ausbildungsberatung der IHK oder Handwerkskammer nutzen', en: 'Use the training advice of the Chamber of Commerce (IHK) or the Chamber of Crafts', ar: 'الاستفادة من استشارات التدريب لدى غرفة الصناعة والتجارة (IHK) أو غرفة الحرف', fa: 'استفاده از مشاوره آموزش حرفه‌ای اتاق بازرگانی (IHK) یا اتاق اصناف', fr: 'Recourir au conseil en apprentissage de la CCI (IHK) ou de la chambre des métiers' },
      'assisted-training': { de: 'Assistierte Ausbildung (AsA flex) beantragen', en: 'Apply for assisted training (AsA flex)', ar: 'التقدّم بطلب التدريب المهني المصحوب بالدعم (AsA flex)', fa: 'درخواست آموزش حرفه‌ای همراه با پشتیبانی (AsA flex)', fr: 'Demander une formation accompagnée (AsA flex)' },
      'training-allowance': { de: 'Berufsausbildungsbeihilfe (BAB) beantragen', en: 'Apply for vocational training allowance (BAB)', ar: 'التقدّم بطلب منحة التدريب المهني (BAB)', fa: 'درخواست کمک‌هزینه آموزش حرفه‌ای (BAB)', fr: 'Demander l’aide à la formation professionnelle (BAB)' },
      'internship-search': { de: 'Praktikumsplatz suchen und sich bewerben', en: 'Look for an internship and apply', ar: 'البحث عن مكان للتدريب العملي والتقدّم إليه', fa: 'جستجوی جای کارورزی و ارسال درخواست', fr: 'Chercher un stage et postuler' },
      'training-fair': { de: 'Eine Ausbildungsmesse besuchen', en: 'Visit a vocational training fair', ar: 'زيارة معرض للتدريب المهني', fa: 'بازدید از نمایشگاه آموزش حرفه‌ای', fr: 'Visiter un salon de l’apprentissage' },
      'training-permit': { de: 'Erlaubnis für die Ausbildung bei der Ausländerbehörde beantragen', en: 'Apply to the immigration office for permission to take up the training', ar: 'التقدّم لدى دائرة الأجانب بطلب إذن لبدء التدريب المهني', fa: 'درخواست مجوز شروع آموزش حرفه‌ای از اداره اتباع خارجی', fr: 'Demander au service des étrangers l’autorisation de commencer la formation' },
    },
  },
  work: {
    goal: {
      'insured-employment': { de: 'Eine sozialversicherungspflichtige Beschäftigung aufnehmen', en: 'Take up employment subject to social insurance', ar: 'الحصول على عمل مشمول بالتأمين الاجتماعي', fa: 'شروع یک شغل دارای بیمه اجتماعی', fr: 'Occuper un emploi soumis aux cotisations sociales' },
      'qualification-recognition': { de: 'Ausländischen Berufsabschluss anerkennen lassen', en: 'Have the foreign professional qualification recognised', ar: 'معادلة الشهادة المهنية الأجنبية', fa: 'به رسمیت شناخته شدن مدرک حرفه‌ای خارجی', fr: 'Faire reconnaître la qualification professionnelle étrangère' },
      'own-profession': { de: 'Im erlernten Beruf arbeiten', en: 'Work in the occupation one has learned', ar: 'العمل في المهنة التي تعلّمها', fa: 'کار در حرفه‌ای که آموخته است', fr: 'Travailler dans le métier appris' },
      'independent-livelihood': { de: 'Den Lebensunterhalt ohne Bürgergeld sichern', en: 'Earn a living without citizen’s benefit (Bürgergeld)', ar: 'تأمين المعيشة دون إعانة المواطن (Bürgergeld)', fa: 'تأمین هزینه زندگی بدون کمک‌هزینه شهروندی (Bürgergeld)', fr: 'Subvenir à ses besoins sans l’allocation citoyenne (Bürgergeld)' },
      'further-training': { de: 'Eine berufliche Weiterbildung abschließen', en: 'Complete further vocational training', ar: 'إتمام تدريب مهني إضافي', fa: 'به پایان رساندن یک دوره آموزش تکمیلی شغلی', fr: 'Terminer une formation professionnelle continue' },
      'adaptation-qualification': { de: 'Anpassungsqualifizierung für die volle Anerkennung absolvieren', en: 'Complete an adaptation qualification for full recognition', ar: 'إتمام التأهيل التكميلي للحصول على المعادلة الكاملة', fa: 'گذراندن دوره تطبیقی برای به رسمیت شناخته شدن کامل مدرک', fr: 'Suivre une formation d’adaptation pour une reconnaissance complète' },
      'self-employment': { de: 'Eine selbständige Tätigkeit prüfen und vorbereiten', en: 'Look into and prepare self-employment', ar: 'دراسة العمل الحر والتحضير له', fa: 'بررسی و آماده‌سازی کار مستقل (خویش‌فرمایی)', fr: 'Étudier et préparer une activité indépendante' },
      'beyond-mini-job': { de: 'Aus einem Minijob in eine Teilzeit- oder Vollzeitstelle wechseln', en: 'Move from a mini-job to a part-time or full-time position', ar: 'الانتقال من عمل صغير (Minijob) إلى وظيفة بدوام جزئي أو كامل', fa: 'انتقال از مینی‌جاب به شغل پاره‌وقت یا تمام‌وقت', fr: 'Passer d’un mini-job à un emploi à temps partiel ou à temps plein' },
    },
    measure: {
      'jobseeker-registration': { de: 'Beim Jobcenter oder der Agentur für Arbeit arbeitsuchend melden', en: 'Register as a jobseeker with the Jobcenter or the Federal Employment Agency', ar: 'التسجيل كباحث عن عمل لدى مركز العمل (Jobcenter) أو وكالة العمل', fa: 'ثبت‌نام به‌عنوان جویای کار در جاب‌سنتر یا آژانس کار', fr: 'S’inscrire comme demandeur d’emploi au Jobcenter ou à l’Agence pour l’emploi' },
      'recognition-counselling': { de: 'Anerkennungsberatung wahrnehmen (IQ Netzwerk)', en: 'Attend recognition counselling (IQ Network)', ar: 'حضور استشارة حول معادلة الشهادات (شبكة IQ)', fa: 'شرکت در مشاوره به رسمیت شناختن مدارک (شبکه IQ)', fr: 'Consulter un service de conseil en reconnaissance (réseau IQ)' },
      'recognition-application': { de: 'Antrag auf Anerkennung bei der zuständigen Stelle stellen', en: 'Submit the application for recognition to the competent body', ar: 'تقديم طلب المعادلة إلى الجهة المختصة', fa: 'ارائه درخواست به رسمیت شناختن مدرک به مرجع ذی‌صلاح', fr: 'Déposer la demande de reconnaissance auprès de l’organisme compétent' },
      'german-cv': { de: 'Lebenslauf auf Deutsch erstellen', en: 'Write a CV in German', ar: 'كتابة سيرة ذاتية باللغة الألمانية', fa: 'نوشتن رزومه به زبان آلمانی', fr: 'Rédiger un CV en allemand' },
      'job-applications': { de: 'Sich regelmäßig auf passende Stellen bewerben', en: 'Apply regularly for suitable jobs', ar: 'التقدّم بانتظام إلى الوظائف المناسبة', fa: 'ارسال منظم درخواست برای شغل‌های مناسب', fr: 'Postuler régulièrement à des offres adaptées' },
      'skills-assessment': { de: 'Kompetenzfeststellung machen (z. B. MYSKILLS)', en: 'Take a skills assessment (e.g. MYSKILLS)', ar: 'إجراء تقييم للكفاءات (مثل MYSKILLS)', fa: 'انجام ارزیابی مهارت‌ها (مثلاً MYSKILLS)', fr: 'Faire un bilan de compétences (p. ex. MYSKILLS)' },
      'work-permit': { de: 'Beschäftigungserlaubnis bei der Ausländerbehörde beantragen', en: 'Apply to the immigration office for a work permit', ar: 'التقدّم بطلب إذن العمل لدى دائرة الأجانب', fa: 'درخواست مجوز کار از اداره اتباع خارجی', fr: 'Demander une autorisation de travail au service des étrangers' },
      'recognition-grant': { de: 'Zuschuss zu den Kosten der Anerkennung beantragen', en: 'Apply for a grant towards the costs of recognition', ar: 'التقدّم بطلب دعم لتكاليف المعادلة', fa: 'درخواست کمک‌هزینه برای هزینه‌های به رسمیت شناختن مدرک', fr: 'Demander une subvention pour les frais de reconnaissance' },
      'activation-measure': { de: 'An einer Maßnahme zur Aktivierung und beruflichen Eingliederung teilnehmen', en: 'Take part in a programme for activation and integration into work', ar: 'المشاركة في برنامج للتفعيل والاندماج المهني', fa: 'شرکت در برنامه فعال‌سازی و ادغام در بازار کار', fr: 'Participer à une mesure d’activation et d’insertion professionnelle' },
    },
  },
  housing: {
    goal: {
      'own-flat': { de: 'Eine eigene Wohnung beziehen', en: 'Move into a flat of one’s own', ar: 'الانتقال إلى مسكن خاص', fa: 'نقل مکان به خانه‌ای از آن خود', fr: 'Emménager dans son propre logement' },
      'leave-shared-accommodation': { de: 'Aus der Gemeinschaftsunterkunft ausziehen', en: 'Move out of the shared accommodation', ar: 'الخروج من السكن الجماعي', fa: 'خروج از اقامتگاه جمعی', fr: 'Quitter l’hébergement collectif' },
      'keep-flat': { de: 'Die Wohnung dauerhaft halten (Miete, Hausordnung)', en: 'Keep the flat for good (rent, house rules)', ar: 'الحفاظ على المسكن بشكل دائم (الإيجار، نظام المبنى)', fa: 'حفظ دائمی خانه (اجاره، مقررات ساختمان)', fr: 'Conserver durablement son logement (loyer, règlement intérieur)' },
      'suitable-size': { de: 'Eine für die Familie angemessen große Wohnung finden', en: 'Find a flat large enough for the family', ar: 'إيجاد مسكن بحجم مناسب للأسرة', fa: 'پیدا کردن خانه‌ای متناسب با اندازه خانواده', fr: 'Trouver un logement adapté à la taille de la famille' },
      'tenant-rights': { de: 'Rechte und Pflichten als Mieterin oder Mieter kennen', en: 'Know one’s rights and duties as a tenant', ar: 'معرفة الحقوق والواجبات كمستأجر', fa: 'آشنایی با حقوق و وظایف مستأجر', fr: 'Connaître ses droits et devoirs de locataire' },
      'utilities': { de: 'Verträge für Strom, Heizung und Internet selbst verwalten', en: 'Manage electricity, heating and internet contracts oneself', ar: 'إدارة عقود الكهرباء والتدفئة والإنترنت بنفسه', fa: 'مدیریت مستقل قراردادهای برق، گرمایش و اینترنت', fr: 'Gérer soi-même les contrats d’électricité, de chauffage et d’internet' },
      'avert-eviction': { de: 'Wohnungsverlust abwenden', en: 'Avert the loss of the home', ar: 'تجنّب فقدان المسكن', fa: 'جلوگیری از دست رفتن خانه', fr: 'Éviter la perte du logement' },
      'neighbourhood': { de: 'Sich im Wohnumfeld zurechtfinden (Mülltrennung, Ruhezeiten)', en: 'Find one’s way in the neighbourhood (waste separation, quiet hours)', ar: 'التأقلم مع محيط السكن (فرز النفايات، أوقات الهدوء)', fa: 'آشنایی با محیط زندگی (تفکیک زباله، ساعات سکوت)', fr: 'S’orienter dans son quartier (tri des déchets, heures de calme)' },
    },
    measure: {
      'wbs-application': { de: 'Wohnberechtigungsschein (WBS) beantragen', en: 'Apply for a housing entitlement certificate (WBS)', ar: 'التقدّم بطلب شهادة استحقاق السكن الاجتماعي (WBS)', fa: 'درخواست گواهی حق استفاده از مسکن اجتماعی (WBS)', fr: 'Demander un certificat d’éligibilité au logement social (WBS)' },
      'flat-search': { de: 'Wohnungssuche: Anzeigen prüfen und Wohnungsbaugesellschaften anschreiben', en: 'Flat search: check listings and write to housing companies', ar: 'البحث عن مسكن: متابعة الإعلانات ومراسلة شركات الإسكان', fa: 'جستجوی خانه: بررسی آگهی‌ها و نامه‌نگاری با شرکت‌های مسکن', fr: 'Recherche de logement : consulter les annonces et écrire aux bailleurs' },
      'rent-approval': { de: 'Mietangebot vor Vertragsabschluss vom Jobcenter prüfen lassen', en: 'Have the rental offer approved by the Jobcenter before signing', ar: 'الحصول على موافقة مركز العمل (Jobcenter) على عرض الإيجار قبل توقيع العقد', fa: 'گرفتن تأیید جاب‌سنتر برای پیشنهاد اجاره پیش از امضای قرارداد', fr: 'Faire approuver l’offre de location par le Jobcenter avant de signer' },
      'rent-deposit': { de: 'Übernahme der Mietkaution beantragen', en: 'Apply for the rent deposit to be covered', ar: 'التقدّم بطلب تغطية تأمين الإيجار', fa: 'درخواست پرداخت ودیعه اجاره', fr: 'Demander la prise en charge de la caution' },
      'housing-benefit': { de: 'Wohngeld beantragen', en: 'Apply for housing benefit (Wohngeld)', ar: 'التقدّم بطلب إعانة السكن (Wohngeld)', fa: 'درخواست کمک‌هزینه مسکن (Wohngeld)', fr: 'Demander l’aide au logement (Wohngeld)' },
      'address-registration': { de: 'Wohnsitz beim Bürgerbüro anmelden', en: 'Register the address at the citizens’ office', ar: 'تسجيل عنوان السكن لدى مكتب خدمات المواطنين', fa: 'ثبت محل سکونت در دفتر خدمات شهروندی', fr: 'Déclarer son domicile au bureau des citoyens' },
      'initial-furnishing': { de: 'Erstausstattung für die Wohnung beantragen', en: 'Apply for initial furnishing of the flat', ar: 'التقدّم بطلب التجهيز الأولي للمسكن', fa: 'درخواست کمک‌هزینه تجهیز اولیه خانه', fr: 'Demander l’aide à l’équipement initial du logement' },
      'residence-obligation': { de: 'Wohnsitzauflage prüfen oder einen Umzug genehmigen lassen', en: 'Check the residence obligation or have a move approved', ar: 'التحقّق من شرط مكان الإقامة أو الحصول على موافقة على الانتقال', fa: 'بررسی الزام محل سکونت یا گرفتن مجوز جابه‌جایی', fr: 'Vérifier l’obligation de résidence ou faire autoriser un déménagement' },
      'tenants-association': { de: 'Mieterverein oder Mieterberatung aufsuchen', en: 'Go to a tenants’ association or tenant counselling', ar: 'مراجعة جمعية المستأجرين أو استشارات المستأجرين', fa: 'مراجعه به انجمن مستأجران یا مشاوره مستأجران', fr: 'S’adresser à une association de locataires ou à un conseil aux locataires' },
    },
  },
  health: {
    goal: {
      'family-doctor': { de: 'Eine Hausärztin oder einen Hausarzt haben', en: 'Have a family doctor', ar: 'أن يكون لديه طبيب أسرة', fa: 'داشتن پزشک خانواده', fr: 'Avoir un médecin traitant' },
      'health-insurance': { de: 'Krankenversichert sein (Gesundheitskarte)', en: 'Be covered by health insurance (health card)', ar: 'أن يكون مشمولاً بالتأمين الصحي (البطاقة الصحية)', fa: 'داشتن بیمه درمانی (کارت سلامت)', fr: 'Être couvert par l’assurance maladie (carte de santé)' },
      vaccinations: { de: 'Impfschutz vervollständigen', en: 'Complete vaccinations', ar: 'استكمال التطعيمات', fa: 'تکمیل واکسیناسیون', fr: 'Compléter les vaccinations' },
      'psychosocial-support': { de: 'Psychosoziale Unterstützung erhalten', en: 'Receive psychosocial support', ar: 'الحصول على دعم نفسي اجتماعي', fa: 'دریافت حمایت روانی‌اجتماعی', fr: 'Bénéficier d’un soutien psychosocial' },
      'health-system': { de: 'Das Gesundheitssystem kennen (Hausarzt, Facharzt, Bereitschaftsdienst 116 117, Notruf 112)', en: 'Know the health system (family doctor, specialist, on-call service 116 117, emergency 112)', ar: 'معرفة النظام الصحي (طبيب الأسرة، الطبيب المختص، خدمة المناوبة الطبية 116 117، الطوارئ 112)', fa: 'آشنایی با نظام سلامت (پزشک خانواده، متخصص، خدمات پزشکی کشیک 116 117، اورژانس 112)', fr: 'Connaître le système de santé (médecin traitant, spécialiste, permanence médicale 116 117, urgences 112)' },
      'disability-support': { de: 'Schwerbehinderung feststellen lassen und Nachteilsausgleiche nutzen', en: 'Have a severe disability assessed and use the compensations it gives', ar: 'إثبات الإعاقة الشديدة والاستفادة من التعويضات المرتبطة بها', fa: 'تعیین درجه معلولیت شدید و استفاده از امتیازات جبرانی', fr: 'Faire reconnaître un handicap lourd et bénéficier des compensations' },
      'dental-care': { de: 'Zahnärztliche Versorgung sichern', en: 'Secure dental care', ar: 'تأمين رعاية الأسنان', fa: 'تأمین مراقبت دندان‌پزشکی', fr: 'Assurer les soins dentaires' },
      'child-checkups': { de: 'Vorsorgeuntersuchungen der Kinder (U-Untersuchungen) wahrnehmen', en: 'Attend the children’s health check-ups (U examinations)', ar: 'إجراء الفحوصات الوقائية للأطفال (فحوصات U)', fa: 'انجام معاینات پیشگیرانه کودکان (معاینات U)', fr: 'Faire les examens de prévention des enfants (examens U)' },
    },
    measure: {
      'choose-insurer': { de: 'Krankenkasse wählen und Mitgliedschaft beantragen', en: 'Choose a health insurance fund and apply for membership', ar: 'اختيار صندوق التأمين الصحي وطلب العضوية', fa: 'انتخاب صندوق بیمه درمانی و درخواست عضویت', fr: 'Choisir une caisse d’assurance maladie et demander l’affiliation' },
      'doctor-appointment': { de: 'Termin in einer Hausarztpraxis vereinbaren', en: 'Make an appointment at a family doctor’s practice', ar: 'حجز موعد لدى عيادة طبيب الأسرة', fa: 'گرفتن وقت از مطب پزشک خانواده', fr: 'Prendre rendez-vous chez un médecin traitant' },
      interpreter: { de: 'Dolmetschen für Arzttermine organisieren', en: 'Arrange an interpreter for medical appointments', ar: 'ترتيب مترجم للمواعيد الطبية', fa: 'هماهنگی مترجم برای وقت‌های پزشکی', fr: 'Organiser un interprète pour les rendez-vous médicaux' },
      'psychosocial-centre': { de: 'Kontakt zum Psychosozialen Zentrum oder einer Beratungsstelle herstellen', en: 'Get in touch with the psychosocial centre or a counselling service', ar: 'التواصل مع المركز النفسي الاجتماعي أو مع مركز استشارات', fa: 'برقراری تماس با مرکز روانی‌اجتماعی یا یک مرکز مشاوره', fr: 'Prendre contact avec le centre psychosocial ou un service de conseil' },
      'vaccination-record': { de: 'Impfpass prüfen lassen und fehlende Impfungen nachholen', en: 'Have the vaccination record checked and catch up on missing vaccinations', ar: 'فحص سجل التطعيمات واستكمال التطعيمات الناقصة', fa: 'بررسی کارت واکسن و تکمیل واکسن‌های انجام‌نشده', fr: 'Faire vérifier le carnet de vaccination et rattraper les vaccins manquants' },
      'disability-application': { de: 'Antrag auf Feststellung einer Schwerbehinderung stellen', en: 'Apply for a severe disability to be assessed', ar: 'تقديم طلب إثبات الإعاقة الشديدة', fa: 'ارائه درخواست تعیین درجه معلولیت شدید', fr: 'Déposer une demande de reconnaissance du handicap lourd' },
      'co-payment-exemption': { de: 'Befreiung von Zuzahlungen bei der Krankenkasse beantragen', en: 'Apply to the health insurer for exemption from co-payments', ar: 'التقدّم لدى صندوق التأمين الصحي بطلب الإعفاء من المساهمات الإضافية', fa: 'درخواست معافیت از پرداخت سهم بیمار از صندوق بیمه درمانی', fr: 'Demander à la caisse d’assurance maladie une exemption des participations' },
      'health-card': { de: 'Elektronische Gesundheitskarte mit Foto beantragen', en: 'Apply for the electronic health card with photo', ar: 'التقدّم بطلب البطاقة الصحية الإلكترونية مع صورة', fa: 'درخواست کارت الکترونیکی سلامت با عکس', fr: 'Demander la carte de santé électronique avec photo' },
    },
  },
  familyChildcare: {
    goal: {
      'kita-place': { de: 'Einen Kita-Platz für das Kind finden', en: 'Find a daycare place (Kita) for the child', ar: 'إيجاد مكان للطفل في روضة (Kita)', fa: 'پیدا کردن جای مهدکودک (Kita) برای کودک', fr: 'Trouver une place en crèche ou en jardin d’enfants (Kita)' },
      'childcare-for-course-or-work': { de: 'Kinderbetreuung so regeln, dass Kurs oder Arbeit möglich sind', en: 'Arrange childcare so that a course or work is possible', ar: 'تنظيم رعاية الأطفال بما يتيح حضور الدورة أو العمل', fa: 'تنظیم نگهداری کودک به‌گونه‌ای که شرکت در دوره یا کار ممکن شود', fr: 'Organiser la garde des enfants pour permettre un cours ou un travail' },
      'family-reunification': { de: 'Familiennachzug vorbereiten', en: 'Prepare family reunification', ar: 'التحضير للمّ شمل الأسرة', fa: 'آماده‌سازی پیوستن خانواده', fr: 'Préparer le regroupement familial' },
      'child-benefit': { de: 'Kindergeld und Kinderzuschlag erhalten', en: 'Receive child benefit and the child supplement', ar: 'الحصول على إعانة الأطفال (Kindergeld) والإعانة الإضافية للأطفال', fa: 'دریافت کمک‌هزینه فرزند (Kindergeld) و کمک‌هزینه تکمیلی فرزند', fr: 'Percevoir les allocations familiales (Kindergeld) et le complément pour enfants' },
      'parenting-support': { de: 'Unterstützung in Erziehungsfragen erhalten', en: 'Receive support with questions of upbringing', ar: 'الحصول على دعم في مسائل التربية', fa: 'دریافت حمایت در مسائل تربیت فرزند', fr: 'Être soutenu dans les questions d’éducation des enfants' },
      'children-at-school': { de: 'Die Kinder in der Schule gut begleiten (Elternabend, Gespräch mit Lehrkräften)', en: 'Support the children well at school (parents’ evening, talks with teachers)', ar: 'متابعة الأطفال جيداً في المدرسة (اجتماع أولياء الأمور، الحديث مع المعلمين)', fa: 'همراهی خوب فرزندان در مدرسه (جلسه اولیا، گفتگو با معلمان)', fr: 'Bien accompagner les enfants à l’école (réunion de parents, entretiens avec les enseignants)' },
      'parental-allowance': { de: 'Elterngeld erhalten', en: 'Receive parental allowance (Elterngeld)', ar: 'الحصول على إعانة الوالدين (Elterngeld)', fa: 'دریافت کمک‌هزینه والدین (Elterngeld)', fr: 'Percevoir l’allocation parentale (Elterngeld)' },
      'family-strain': { de: 'Belastungen in der Familie verringern', en: 'Reduce strain within the family', ar: 'تخفيف الضغوط داخل الأسرة', fa: 'کاهش فشارها در خانواده', fr: 'Réduire les tensions au sein de la famille' },
    },
    measure: {
      'kita-registration': { de: 'Kind für einen Kita-Platz anmelden (Kita-Portal oder Jugendamt)', en: 'Register the child for a daycare place (daycare portal or youth welfare office)', ar: 'تسجيل الطفل للحصول على مكان في الروضة (بوابة الروضات أو مكتب رعاية الشباب)', fa: 'ثبت‌نام کودک برای جای مهدکودک (سامانه مهدکودک‌ها یا اداره رفاه کودکان و نوجوانان)', fr: 'Inscrire l’enfant pour une place en crèche (portail des crèches ou office de la jeunesse)' },
      'child-benefit-application': { de: 'Kindergeld bei der Familienkasse beantragen', en: 'Apply to the Familienkasse for child benefit', ar: 'التقدّم بطلب إعانة الأطفال لدى صندوق الأسرة (Familienkasse)', fa: 'درخواست کمک‌هزینه فرزند از صندوق خانواده (Familienkasse)', fr: 'Demander les allocations familiales à la Familienkasse' },
      'kita-fees': { de: 'Übernahme der Kita-Gebühren beim Jugendamt beantragen', en: 'Apply to the youth welfare office for the daycare fees to be covered', ar: 'التقدّم لدى مكتب رعاية الشباب بطلب تغطية رسوم الروضة', fa: 'درخواست پرداخت هزینه مهدکودک از اداره رفاه کودکان و نوجوانان', fr: 'Demander à l’office de la jeunesse la prise en charge des frais de crèche' },
      'reunification-counselling': { de: 'Beratung zum Familiennachzug wahrnehmen', en: 'Attend counselling on family reunification', ar: 'حضور استشارة حول لمّ شمل الأسرة', fa: 'شرکت در مشاوره پیوستن خانواده', fr: 'Consulter un service de conseil sur le regroupement familial' },
      'parental-allowance-application': { de: 'Elterngeld bei der Elterngeldstelle beantragen', en: 'Apply to the parental allowance office for Elterngeld', ar: 'التقدّم بطلب إعانة الوالدين لدى المكتب المختص (Elterngeldstelle)', fa: 'درخواست کمک‌هزینه والدین از اداره مربوط (Elterngeldstelle)', fr: 'Demander l’allocation parentale au service compétent (Elterngeldstelle)' },
      'family-counselling': { de: 'Termin bei einer Familien- oder Erziehungsberatungsstelle vereinbaren', en: 'Make an appointment with a family or parenting counselling centre', ar: 'حجز موعد لدى مركز استشارات الأسرة أو التربية', fa: 'گرفتن وقت از مرکز مشاوره خانواده یا تربیت فرزند', fr: 'Prendre rendez-vous dans un centre de conseil familial ou parental' },
      'early-help': { de: 'Frühe Hilfen oder eine Familienhebamme einbeziehen', en: 'Involve early-help services or a family midwife', ar: 'الاستعانة بخدمات المساعدة المبكرة أو بقابلة الأسرة', fa: 'استفاده از خدمات حمایت زودهنگام یا مامای خانواده', fr: 'Faire appel aux aides précoces ou à une sage-femme familiale' },
      'parent-child-group': { de: 'Eine Eltern-Kind-Gruppe oder einen Elternkurs besuchen', en: 'Attend a parent-and-child group or a parenting course', ar: 'المشاركة في مجموعة للآباء والأطفال أو في دورة للوالدين', fa: 'شرکت در گروه والد و کودک یا دوره آموزشی والدین', fr: 'Participer à un groupe parents-enfants ou à un cours pour parents' },
    },
  },
  socialParticipation: {
    goal: {
      'sports-club': { de: 'Mitglied in einem Sportverein werden', en: 'Become a member of a sports club', ar: 'الانضمام إلى نادٍ رياضي', fa: 'عضویت در یک باشگاه ورزشی', fr: 'Devenir membre d’un club de sport' },
      volunteering: { de: 'Sich ehrenamtlich engagieren', en: 'Do voluntary work', ar: 'المشاركة في العمل التطوعي', fa: 'انجام فعالیت داوطلبانه', fr: 'S’engager bénévolement' },
      'local-contacts': { de: 'Kontakte zu Menschen vor Ort knüpfen', en: 'Make contacts with people locally', ar: 'بناء علاقات مع الناس في المنطقة', fa: 'برقراری ارتباط با مردم محل', fr: 'Nouer des contacts avec les gens sur place' },
      'local-services': { de: 'Angebote im Ort kennen (Bücherei, Begegnungscafé, Beratungsstellen)', en: 'Know what the town offers (library, meeting café, advice centres)', ar: 'معرفة الخدمات المتاحة في المنطقة (المكتبة، مقهى اللقاءات، مراكز الاستشارات)', fa: 'آشنایی با امکانات محل (کتابخانه، کافه دیدار، مراکز مشاوره)', fr: 'Connaître les offres locales (bibliothèque, café-rencontre, services de conseil)' },
      mobility: { de: 'Selbständig unterwegs sein (Bus und Bahn, Fahrrad)', en: 'Get around independently (bus and train, bicycle)', ar: 'التنقّل باستقلالية (الحافلة والقطار، الدراجة الهوائية)', fa: 'رفت‌وآمد مستقل (اتوبوس و قطار، دوچرخه)', fr: 'Se déplacer de façon autonome (bus et train, vélo)' },
      'driving-licence': { de: 'Den Führerschein umschreiben lassen oder erwerben', en: 'Have the driving licence converted or obtain one', ar: 'تحويل رخصة القيادة أو الحصول على رخصة جديدة', fa: 'تبدیل گواهینامه رانندگی یا گرفتن گواهینامه', fr: 'Faire convertir son permis de conduire ou l’obtenir' },
      'democracy-rights': { de: 'Demokratie, Grundrechte und Gleichberechtigung in Deutschland kennen', en: 'Know democracy, fundamental rights and equality in Germany', ar: 'معرفة الديمقراطية والحقوق الأساسية والمساواة في ألمانيا', fa: 'آشنایی با دموکراسی، حقوق بنیادین و برابری در آلمان', fr: 'Connaître la démocratie, les droits fondamentaux et l’égalité en Allemagne' },
      'culture-leisure': { de: 'Kultur- und Freizeitangebote nutzen', en: 'Make use of cultural and leisure activities', ar: 'الاستفادة من الأنشطة الثقافية والترفيهية', fa: 'استفاده از برنامه‌های فرهنگی و تفریحی', fr: 'Profiter des offres culturelles et de loisirs' },
    },
    measure: {
      'trial-training': { de: 'Probetraining in einem Sportverein vereinbaren', en: 'Arrange a trial session at a sports club', ar: 'ترتيب حصة تدريب تجريبية في نادٍ رياضي', fa: 'هماهنگی جلسه تمرین آزمایشی در یک باشگاه ورزشی', fr: 'Convenir d’un entraînement d’essai dans un club de sport' },
      'volunteer-centre': { de: 'Freiwilligenagentur oder Ehrenamtsbörse besuchen', en: 'Visit the volunteer centre or volunteering exchange', ar: 'زيارة وكالة العمل التطوعي أو منصة التطوع', fa: 'مراجعه به مرکز داوطلبان یا بازار فعالیت‌های داوطلبانه', fr: 'Se rendre au centre du bénévolat ou à la bourse du bénévolat' },
      mentoring: { de: 'Ehrenamtliche Patenschaft vermitteln', en: 'Arrange a volunteer mentor', ar: 'ترتيب مرافقة من مرشد متطوّع', fa: 'معرفی یک همراه داوطلب (منتور)', fr: 'Mettre en relation avec un parrain ou une marraine bénévole' },
      'library-card': { de: 'Bibliotheksausweis beantragen', en: 'Apply for a library card', ar: 'التقدّم بطلب بطاقة المكتبة', fa: 'درخواست کارت کتابخانه', fr: 'Demander une carte de bibliothèque' },
      'reduced-ticket': { de: 'Sozialticket oder Deutschlandticket beantragen', en: 'Apply for a reduced-fare social ticket or the Deutschlandticket', ar: 'التقدّم بطلب التذكرة الاجتماعية المخفّضة أو تذكرة ألمانيا (Deutschlandticket)', fa: 'درخواست بلیت اجتماعی ارزان یا Deutschlandticket', fr: 'Demander le ticket social à tarif réduit ou le Deutschlandticket' },
      'meeting-cafe': { de: 'Begegnungscafé oder interkulturellen Treff besuchen', en: 'Visit a meeting café or an intercultural meeting place', ar: 'زيارة مقهى اللقاءات أو ملتقى ثقافي متعدد', fa: 'رفتن به کافه دیدار یا محل دیدار میان‌فرهنگی', fr: 'Fréquenter un café-rencontre ou un lieu de rencontre interculturel' },
      'licence-conversion': { de: 'Umschreibung des Führerscheins bei der Führerscheinstelle beantragen', en: 'Apply to the driving licence office for the licence to be converted', ar: 'التقدّم بطلب تحويل رخصة القيادة لدى دائرة رخص القيادة', fa: 'درخواست تبدیل گواهینامه از اداره گواهینامه رانندگی', fr: 'Demander la conversion du permis au service des permis de conduire' },
      'participation-card': { de: 'Teilhabekarte oder Familienpass der Gemeinde beantragen', en: 'Apply for the municipality’s participation card or family pass', ar: 'التقدّم بطلب بطاقة المشاركة أو بطاقة الأسرة لدى البلدية', fa: 'درخواست کارت مشارکت یا کارت خانواده از شهرداری', fr: 'Demander la carte de participation ou le pass famille de la commune' },
    },
  },
  finances: {
    goal: {
      'bank-account': { de: 'Ein eigenes Bankkonto haben', en: 'Have a bank account of one’s own', ar: 'امتلاك حساب مصرفي خاص', fa: 'داشتن حساب بانکی شخصی', fr: 'Avoir son propre compte bancaire' },
      livelihood: { de: 'Den Lebensunterhalt sichern (alle Leistungen beantragt)', en: 'Secure a livelihood (all benefits applied for)', ar: 'تأمين المعيشة (تقديم طلبات جميع المساعدات المستحقة)', fa: 'تأمین هزینه زندگی (درخواست همه کمک‌های قابل دریافت)', fr: 'Assurer sa subsistance (toutes les prestations demandées)' },
      'reduce-debt': { de: 'Schulden abbauen', en: 'Pay off debts', ar: 'تقليل الديون', fa: 'کاهش بدهی‌ها', fr: 'Réduire ses dettes' },
      'household-budget': { de: 'Einnahmen und Ausgaben planen (Haushaltsplan)', en: 'Plan income and spending (household budget)', ar: 'تخطيط الدخل والنفقات (ميزانية المنزل)', fa: 'برنامه‌ریزی درآمد و هزینه (بودجه خانوار)', fr: 'Planifier recettes et dépenses (budget du ménage)' },
      'contracts-traps': { de: 'Verträge verstehen und Kostenfallen vermeiden (Handy, Abos)', en: 'Understand contracts and avoid cost traps (mobile phone, subscriptions)', ar: 'فهم العقود وتجنّب فخاخ التكاليف (الهاتف المحمول، الاشتراكات)', fa: 'درک قراردادها و پرهیز از تله‌های هزینه (تلفن همراه، اشتراک‌ها)', fr: 'Comprendre les contrats et éviter les pièges financiers (téléphone portable, abonnements)' },
      'official-letters': { de: 'Behördenpost fristgerecht beantworten', en: 'Answer official letters on time', ar: 'الرد على رسائل الدوائر الرسمية في المواعيد المحددة', fa: 'پاسخ به‌موقع به نامه‌های اداری', fr: 'Répondre à temps aux courriers administratifs' },
      insurance: { de: 'Wichtige Versicherungen abschließen (Haftpflicht, Hausrat)', en: 'Take out important insurance (personal liability, household contents)', ar: 'إبرام التأمينات المهمة (تأمين المسؤولية المدنية، تأمين محتويات المنزل)', fa: 'گرفتن بیمه‌های مهم (بیمه مسئولیت مدنی، بیمه لوازم منزل)', fr: 'Souscrire les assurances importantes (responsabilité civile, assurance habitation)' },
      'tax-return': { de: 'Die Steuererklärung abgeben', en: 'File the tax return', ar: 'تقديم الإقرار الضريبي', fa: 'تسلیم اظهارنامه مالیاتی', fr: 'Remplir sa déclaration d’impôts' },
    },
    measure: {
      'basic-account': { de: 'Basiskonto bei einer Bank eröffnen', en: 'Open a basic bank account', ar: 'فتح حساب أساسي لدى مصرف', fa: 'افتتاح حساب پایه در یک بانک', fr: 'Ouvrir un compte de base dans une banque' },
      'debt-counselling': { de: 'Termin bei der Schuldnerberatung vereinbaren', en: 'Make an appointment with debt counselling', ar: 'حجز موعد لدى مركز استشارات الديون', fa: 'گرفتن وقت از مرکز مشاوره بدهی', fr: 'Prendre rendez-vous avec un service de conseil en endettement' },
      'citizens-benefit': { de: 'Bürgergeld beim Jobcenter beantragen oder weiterbewilligen lassen', en: 'Apply to the Jobcenter for citizen’s benefit (Bürgergeld) or its renewal', ar: 'التقدّم لدى مركز العمل (Jobcenter) بطلب إعانة المواطن (Bürgergeld) أو تمديدها', fa: 'درخواست یا تمدید کمک‌هزینه شهروندی (Bürgergeld) در جاب‌سنتر', fr: 'Demander l’allocation citoyenne (Bürgergeld) ou son renouvellement au Jobcenter' },
      'protected-account': { de: 'Konto in ein Pfändungsschutzkonto (P-Konto) umwandeln', en: 'Convert the account into an account protected from garnishment (P-Konto)', ar: 'تحويل الحساب إلى حساب محمي من الحجز (P-Konto)', fa: 'تبدیل حساب به حساب محافظت‌شده در برابر توقیف (P-Konto)', fr: 'Transformer le compte en compte protégé contre les saisies (P-Konto)' },
      'budget-plan': { de: 'Gemeinsam einen Haushaltsplan erstellen', en: 'Draw up a household budget together', ar: 'إعداد ميزانية المنزل معاً', fa: 'تهیه مشترک بودجه خانوار', fr: 'Établir ensemble un budget du ménage' },
      'contract-check': { de: 'Laufende Verträge prüfen und unnötige kündigen', en: 'Check current contracts and cancel those not needed', ar: 'مراجعة العقود السارية وإلغاء غير الضروري منها', fa: 'بررسی قراردادهای جاری و لغو قراردادهای غیرضروری', fr: 'Vérifier les contrats en cours et résilier ceux qui sont inutiles' },
      'letters-folder': { de: 'Einen Ordner für Behördenpost anlegen', en: 'Set up a folder for official letters', ar: 'إعداد ملف لحفظ رسائل الدوائر الرسمية', fa: 'درست کردن پوشه‌ای برای نامه‌های اداری', fr: 'Créer un classeur pour les courriers administratifs' },
      'broadcasting-fee-exemption': { de: 'Befreiung vom Rundfunkbeitrag beantragen', en: 'Apply for exemption from the broadcasting fee', ar: 'التقدّم بطلب الإعفاء من رسوم البث الإذاعي والتلفزيوني', fa: 'درخواست معافیت از عوارض رادیو و تلویزیون', fr: 'Demander l’exonération de la contribution audiovisuelle' },
    },
  },
  residenceLaw: {
    goal: {
      'secure-residence': { de: 'Den Aufenthalt sichern', en: 'Secure the right of residence', ar: 'تأمين حق الإقامة', fa: 'تأمین حق اقامت', fr: 'Sécuriser son droit de séjour' },
      'extend-permit': { de: 'Aufenthaltstitel rechtzeitig verlängern', en: 'Extend the residence permit in time', ar: 'تمديد تصريح الإقامة في الوقت المناسب', fa: 'تمدید به‌موقع اجازه اقامت', fr: 'Prolonger à temps le titre de séjour' },
      'settlement-permit': { de: 'Niederlassungserlaubnis erhalten', en: 'Obtain a settlement permit (permanent residence)', ar: 'الحصول على تصريح الإقامة الدائمة (Niederlassungserlaubnis)', fa: 'دریافت اجازه اقامت دائم (Niederlassungserlaubnis)', fr: 'Obtenir un permis d’établissement (séjour permanent)' },
      naturalisation: { de: 'Die Einbürgerung vorbereiten', en: 'Prepare naturalisation', ar: 'التحضير للتجنّس', fa: 'آماده شدن برای دریافت تابعیت', fr: 'Préparer la naturalisation' },
      passport: { de: 'Einen gültigen Pass oder Passersatz haben', en: 'Hold a valid passport or passport substitute', ar: 'امتلاك جواز سفر ساري المفعول أو وثيقة بديلة عنه', fa: 'داشتن گذرنامه معتبر یا سند جایگزین گذرنامه', fr: 'Posséder un passeport valide ou un titre de voyage de substitution' },
      'right-to-stay': { de: 'Bleiberecht bei Duldung prüfen (Chancen-Aufenthaltsrecht, Beschäftigungsduldung)', en: 'Look into a right to stay for a person with a toleration (opportunity residence, employment toleration)', ar: 'دراسة إمكانية حق البقاء لحاملي وثيقة التسامح Duldung (حق الإقامة بفرصة، التسامح لأجل العمل)', fa: 'بررسی امکان حق ماندن برای دارندگان Duldung (اقامت فرصت، Duldung اشتغال)', fr: 'Examiner un droit au séjour en cas de tolérance Duldung (droit de séjour « chance », tolérance pour emploi)' },
      'asylum-procedure': { de: 'Das Asylverfahren begleitet durchlaufen', en: 'Go through the asylum procedure with support', ar: 'اجتياز إجراءات اللجوء مع المرافقة', fa: 'گذراندن روند پناهندگی با همراهی', fr: 'Suivre la procédure d’asile avec un accompagnement' },
      'residence-duties': { de: 'Pflichten aus dem Aufenthaltsrecht kennen (Mitwirkung, Meldepflichten)', en: 'Know the duties under residence law (cooperation, reporting duties)', ar: 'معرفة الواجبات بموجب قانون الإقامة (التعاون، واجبات الإبلاغ)', fa: 'آشنایی با وظایف ناشی از قانون اقامت (همکاری، الزام اطلاع‌رسانی)', fr: 'Connaître les obligations liées au droit de séjour (coopération, obligations de déclaration)' },
    },
    measure: {
      'immigration-office-appointment': { de: 'Termin bei der Ausländerbehörde vereinbaren', en: 'Make an appointment with the immigration office', ar: 'حجز موعد لدى دائرة الأجانب', fa: 'گرفتن وقت از اداره اتباع خارجی', fr: 'Prendre rendez-vous au service des étrangers' },
      'extension-documents': { de: 'Unterlagen für die Verlängerung zusammenstellen', en: 'Gather the documents for the extension', ar: 'تجهيز الوثائق اللازمة للتمديد', fa: 'جمع‌آوری مدارک لازم برای تمدید', fr: 'Rassembler les documents pour la prolongation' },
      'migration-counselling': { de: 'Migrationsberatung für Erwachsene (MBE) oder Jugendmigrationsdienst aufsuchen', en: 'Go to migration counselling for adults (MBE) or the youth migration service', ar: 'مراجعة خدمة استشارات الهجرة للبالغين (MBE) أو خدمة هجرة الشباب', fa: 'مراجعه به مشاوره مهاجرت بزرگسالان (MBE) یا خدمات مهاجرت جوانان', fr: 'S’adresser au conseil en migration pour adultes (MBE) ou au service migration jeunesse' },
      'legal-advice': { de: 'Asylverfahrensberatung oder Rechtsberatung in Anspruch nehmen', en: 'Obtain asylum procedure advice or legal advice', ar: 'الحصول على استشارة حول إجراءات اللجوء أو استشارة قانونية', fa: 'استفاده از مشاوره روند پناهندگی یا مشاوره حقوقی', fr: 'Recourir à un conseil en procédure d’asile ou à un conseil juridique' },
      'passport-application': { de: 'Pass bei der Botschaft beantragen oder die Unzumutbarkeit belegen', en: 'Apply for a passport at the embassy or document why this cannot be expected', ar: 'التقدّم بطلب جواز سفر لدى السفارة أو إثبات تعذّر ذلك', fa: 'درخواست گذرنامه از سفارت یا اثبات غیرممکن بودن آن', fr: 'Demander un passeport à l’ambassade ou justifier que cela ne peut être exigé' },
      'naturalisation-test': { de: 'Zum Einbürgerungstest anmelden', en: 'Register for the naturalisation test', ar: 'التسجيل في اختبار التجنّس', fa: 'ثبت‌نام در آزمون تابعیت', fr: 'S’inscrire au test de naturalisation' },
      'naturalisation-application': { de: 'Einbürgerungsantrag stellen', en: 'Apply for naturalisation', ar: 'تقديم طلب التجنّس', fa: 'ارائه درخواست تابعیت', fr: 'Déposer la demande de naturalisation' },
      'settlement-requirements': { de: 'Voraussetzungen der Niederlassungserlaubnis prüfen (Rentenbeiträge, Sprachnachweis)', en: 'Check the requirements for the settlement permit (pension contributions, proof of language)', ar: 'التحقّق من شروط الإقامة الدائمة (اشتراكات التقاعد، إثبات اللغة)', fa: 'بررسی شرایط اجازه اقامت دائم (حق بیمه بازنشستگی، مدرک زبان)', fr: 'Vérifier les conditions du permis d’établissement (cotisations de retraite, attestation de langue)' },
    },
  },
} satisfies Texts;

/** The built-in catalogue: every standard goal and measure, in the order of the fields of action. */
export const PLAN_CATALOGUE: readonly CatalogueEntry[] = Object.freeze(
  FIELDS_OF_ACTION.codes.flatMap((field) =>
    PLAN_ITEM_KINDS.flatMap((kind) =>
      Object.entries((TEXTS as Texts)[field][kind]).map(([slug, label]) => Object.freeze({ key: `${field}.${kind}.${slug}`, field, kind, label })),
    ),
  ),
);

const BY_KEY: ReadonlyMap<string, CatalogueEntry> = new Map(PLAN_CATALOGUE.map((entry) => [entry.key, entry]));

/** A built-in catalogue entry by its key, or undefined. */
export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return BY_KEY.get(key);
}

/** The label of a built-in entry in one locale, or undefined for an unknown key. */
export function catalogueLabel(key: string, locale: Locale): string | undefined {
  return BY_KEY.get(key)?.label[locale];
}
