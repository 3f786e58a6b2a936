// Word lists of the extractor: speech and belief cues, titles that precede a name, and
// the small words that bound a speaker's noun phrase. Lowercase.

const forms = (lemmas: string): string[] =>
  lemmas.split(" ").flatMap((entry) => entry.split("|"));

/** Verbs that report speech or writing (every form a news text uses). */
export const SPEECH_CUES = new Set(
  forms(
    "say|says|said|saying tell|tells|told|telling add|adds|added|adding ask|asks|asked " +
      "write|writes|wrote|writing state|states|stated explain|explains|explained " +
      "warn|warns|warned|warning argue|argues|argued|arguing note|notes|noted|noting " +
      "claim|claims|claimed|claiming insist|insists|insisted|insisting announce|announces|announced " +
      "declare|declares|declared|declaring tweet|tweets|tweeted|tweeting post|posted " +
      "reply|replies|replied respond|responds|responded acknowledge|acknowledges|acknowledged " +
      "admit|admits|admitted suggest|suggests|suggested|suggesting predict|predicts|predicted " +
      "estimate|estimates|estimated urge|urges|urged|urging continue|continues|continued " +
      "recall|recalls|recalled allege|alleges|alleged assert|asserts|asserted " +
      "contend|contends|contended maintain|maintains|maintained emphasize|emphasizes|emphasized " +
      "stress|stresses|stressed report|reports|reported confirm|confirms|confirmed " +
      "deny|denies|denied promise|promises|promised vow|vows|vowed pledge|pledges|pledged " +
      "mention|mentions|mentioned describe|describes|described call|calls|called " +
      "praise|praises|praised criticize|criticizes|criticized blast|blasts|blasted " +
      "complain|complains|complained concede|concedes|conceded observe|observes|observed " +
      "quip|quips|quipped joke|jokes|joked shout|shouted yell|yelled exclaim|exclaimed " +
      "remark|remarks|remarked reiterate|reiterates|reiterated testify|testified " +
      "tout|touts|touted boast|boasts|boasted charge|charges|charged accuse|accuses|accused " +
      "proclaim|proclaimed signal|signals|signaled hint|hints|hinted " +
      "show|shows|showed|shown find|finds|found conclude|concludes|concluded " +
      "indicate|indicates|indicated reveal|reveals|revealed hail|hails|hailed herald|heralds|heralded " +
      "welcome|welcomes|welcomed dismiss|dismisses|dismissed point|points|pointed|pointing " +
      "label|labels|labeled|labeling|labelled thank|thanks|thanked echo|echoes|echoed|echoing confess|confessed " +
      "coin|coined quote|quotes|quoted read|reads lament|laments|lamented retort|retorted chant|chanted",
  ),
);

/** Verbs of stance toward something: "S endorsed Cruz", "S called for a ban", "S refused to …". */
export const STANCE_CUES = new Set(
  forms(
    "endorse|endorses|endorsed|endorsing decline|declines|declined refuse|refuses|refused support|supports|supported|supporting " +
      "propose|proposes|proposed|proposing defend|defends|defended|defending cite|cites|cited|citing " +
      "question|questions|questioned|questioning offer|offers|offered oppose|opposes|opposed|opposing " +
      "attack|attacks|attacked|attacking reject|rejects|rejected|rejecting back|backs|backed|backing " +
      "blame|blames|blamed|blaming promise|promising discuss|discusses|discussed|discussing " +
      "demand|demands|demanded|demanding request|requests|requested recommend|recommends|recommended " +
      "approve|approves|approved|approving condemn|condemns|condemned|condemning refer|refers|referred|referring " +
      "slam|slams|slammed|slamming mock|mocks|mocked|mocking predict|predicting threaten|threatens|threatened " +
      "encourage|encourages|encouraged|encouraging invite|invites|invited|inviting",
  ),
);

/** Verbs that report a belief or an intention ("S believes X", "S plans to X"). */
export const BELIEF_CUES = new Set(
  forms(
    "believe|believes|believed think|thinks|thought expect|expects|expected " +
      "plan|plans|planned hope|hopes|hoped want|wants|wanted fear|fears|feared " +
      "intend|intends|intended feel|feels|felt worry|worries|worried " +
      "doubt|doubts|doubted agree|agrees|agreed disagree|disagrees|disagreed " +
      "know|knows|knew understand|understands|understood consider|considers|considered " +
      "wish|wishes|wished seek|seeks|sought",
  ),
);

/** Cues that name a speech act so weak that an unquoted complement is not a statement. */
export const WEAK_INDIRECT = new Set(forms("call|calls|called show|shows|showed|shown find|finds|found post|posted continue|continues|continued mention|mentions|mentioned describe|describes|described"));

/** Auxiliaries and adverbs that may sit inside a verb group: "has also said", "did not deny". */
export const AUXILIARIES = new Set(
  forms("has have had will would could should may might must did does do is was were be been also later then previously earlier once again not never repeatedly publicly privately recently"),
);

export const PRONOUNS = new Map<string, "person" | "group">([
  ["he", "person"], ["she", "person"], ["they", "group"], ["we", "group"], ["i", "person"], ["it", "group"],
]);

/** Words that open a clause before its subject: "and", "but", "while" … */
export const CLAUSE_OPENERS = new Set(
  forms("and but while as because when if although though so then since after before where whom whose who which that or yet nor until unless instead meanwhile however also still now later earlier afterwards afterward separately finally"),
);

/** Titles that come before a name: "Kremlin spokesman Dmitry Peskov", "Sen. Ted Cruz". */
export const TITLES = new Set(
  forms(
    "president vice-president premier chancellor minister secretary spokesman spokeswoman spokesperson " +
      "senator sen rep representative gov governor mayor general gen adm admiral lt col colonel " +
      "maj capt captain sgt ambassador judge justice director chairman chairwoman chair ceo chief " +
      "leader candidate nominee rival prosecutor attorney lawyer dr prof professor rev king queen " +
      "prince princess sheikh emir commissioner speaker deputy head founder analyst economist " +
      "officer official aide adviser advisor strategist manager pollster congressman congresswoman " +
      "correspondent editor author historian expert researcher fellow executive former then-president " +
      "mr mrs ms",
  ),
);

/** Words that make a capitalised phrase an organisation rather than a person's name. */
export const ORGANISATION_WORDS = new Set(
  forms(
    "party campaign committee council department ministry kremlin post times news inc association university " +
      "institute center centre agency office commission court company corp group foundation administration " +
      "house senate congress government bank fund project network service services bureau board union " +
      "journal press tribune herald gazette review reuters ap afp bbc cnn fox nbc abc cbs msnbc poll survey " +
      "organization organisation consortium alliance federation coalition team club society",
  ),
);

/** Capitalised words that are not names (sentence openers, months, days, nationalities' filler). */
export const NOT_NAMES = new Set(
  forms(
    "the a an this that these those it its he she they we i you his her their our in on at for of by with " +
      "from to as and but or if when while after before during despite although though because since however " +
      "monday tuesday wednesday thursday friday saturday sunday january february march april may june july " +
      "august september october november december there here what who why how where which yes no mr mrs ms",
  ),
);

/** Verbs of naming: a quotation after them is a title or a label, not speech. */
export const NAMING = new Set(forms("titled entitled headlined dubbed nicknamed named so-called labeled labelled branded"));
