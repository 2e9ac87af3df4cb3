"""Word lists the rules use. They name kinds of things (events, titles, buildings, cue verbs),
never a particular person, place or event."""

# Head nouns of names of events and periods: "Leningrad Affair", "Great Purge", "Gunpowder Plot"
EVENT_NOUNS = frozenset("""
putsch
affair assassination attack battle blockade campaign conference conquest conspiracy coup crisis
crusade declaration disaster election embargo emergency era execution expedition explosion famine fire
incident independence insurrection invasion killing killings massacre movement murder mutiny occupation
offensive operation partition plot pogrom protest purge purges rebellion reform reforms reformation
resistance restoration revolt revolution riot riots schism secession siege strike terror treaty trial trials truce
unification uprising war wars
""".split())

# What else an article's title may name that "the <noun>" then stands for: "the Edict" in an article on the
# Edict of Nantes, "the case" in one on a trial, "the system" in one on a colonial policy
SUBJECT_NOUNS = frozenset("""
act bill case charter code compromise concordat constitution convention council debate decree doctrine edict
law manifesto march peace policy proclamation protocol settlement statute system
""".split())

# Heads of a bare reference back to the article's event: "the killing", "his death"
EVENT_ANAPHORA = frozenset("""
assassination attack bombing crime death episode event incident killing murder plot shooting tragedy
""".split())
ANAPHOR_ADJECTIVES = frozenset({"the", "this", "that", "his", "her", "its"})
# adjectives that make "the <noun>" another one than the article's: "the first revolt", "the new constitution"
OTHER_ADJECTIVES = frozenset("""
another earlier first former fourth last later latter new next old original other previous second similar
subsequent third
""".split())

# Kinds of event: in an article about one, "the <noun of its kind>" is that event ("the uprising" in an
# article on a rebellion, "the battle" in one on a battle); a noun of another kind is not ("the war" in
# an article on one of its battles)
EVENT_KINDS: tuple[frozenset[str], ...] = tuple(frozenset(k.split()) for k in (
    "rebellion revolt uprising insurrection rising mutiny insurgency resistance",
    "riot riots rioting disturbance disturbances unrest",
    "revolution coup putsch",
    "battle engagement clash",
    "war conflict",
    "siege blockade",
    "massacre slaughter killings",
    "assassination killing murder",
    "conspiracy plot scheme",
    "crisis affair incident episode dispute",
    "treaty agreement accord pact",
    "speech address",
    "telegram dispatch message cable note letter",
    "edict decree",
    "embassy mission expedition",
    "campaign campaigns",
    "strike walkout walk-off",
    "famine",
    "scandal",
    "trial",
    "reform reforms",
    "invasion conquest",
))

# Every noun a title may be built on when the article is about one event, act or document
SUBJECT_HEADS = EVENT_NOUNS | frozenset().union(*EVENT_KINDS) | SUBJECT_NOUNS

# Words of rank and address before a name: "King James", "Sir Ambrose Rookwood", "Major Tankosić"
HONORIFICS = frozenset("""
archbishop archduchess archduke baron baroness bishop captain cardinal chancellor colonel count countess
czar czarina dame dr duchess duke earl emperor empress father general governor king lady lieutenant lord
madame major marquis marshal master miss mr mrs ms pope president prince princess professor queen
saint senator sergeant sir sister st tsar tsarina viceroy viscount
""".split())

# Nouns that make a name a building or site, a place rather than a body of people
FACILITY_NOUNS = frozenset("""
abbey airport bridge building camp castle cathedral chapel church citadel fort fortress gate hall house
kremlin monastery palace park prison square station street temple theatre theater tower
""".split())
# Named institutions that are also sites; a place when the text puts something "at" or "in" them
SITE_NOUNS = frozenset("institute university college academy school hospital museum library".split())
LOCATIVE_PREPOSITIONS = frozenset("at in inside near outside around within".split())
DIRECTIONAL_PREPOSITIONS = frozenset("to from into towards toward".split())

# Verbs that report a claim; a causal statement under them is somebody's view, not the article's
REPORTING_VERBS = frozenset("""
allege argue assert believe caution claim contend deny doubt maintain speculate suggest suspect think
""".split())

MONTHS = ("january february march april may june july august september october november december").split()

# Nouns for a person, which make a see-also entry described as one a person ("the figure who ...")
PERSON_NOUNS = frozenset("""
figure leader man woman king queen ruler emperor empress general politician revolutionary writer poet
statesman official commander chief head founder assassin author activist monarch prince princess
""".split())
KIN_NOUNS = frozenset("""
wife husband son daughter brother sister father mother uncle aunt nephew niece cousin widow heir consort
""".split())

# Last words of the names of states, which contain the places inside them
POLITY_NOUNS = frozenset("union empire kingdom republic federation confederation commonwealth sultanate caliphate khanate states".split())

# Words for a place, which make a name set beside them a place ("Bengal, the largest province")
PLACE_NOUNS = frozenset("""
capital city town village province region country kingdom state colony county district port island river
valley territory empire republic principality duchy seat
""".split())

# Last words of names of bodies of people, which stay organizations even when things happen "in" them
ORGANIZATION_NOUNS = frozenset("""
academy agency army assembly association bank brotherhood bureau cabinet church club college commission
committee company congress corporation council court delegation department directorate embassy front
government guard league legion ministry mission movement navy office order parliament party police senate
service society union yeomanry militia regiment brigade battalion corps
""".split())

# Nouns that stand for a stretch of time, through which a date reaches its verb ("on the afternoon of
# 1 December 1934"); a date on any other noun belongs to that noun ("Eden's resignation in 1957")
TIME_NOUNS = frozenset("""
afternoon autumn beginning dawn day days end evening eve fall hour hours middle month months morning night
period spring start summer turn week weeks winter year years
""".split())

# Offices held by a person: "Chief of Serbian Military Intelligence Dragutin Dimitrijević" names the
# office's body and then its holder
OFFICE_TITLES = frozenset("""
chairman chief commander director governor head leader minister president secretary
""".split())

# Things people made, which a name may be said to be ("Magna Carta is a royal charter")
THING_NOUNS = frozenset("""
act agreement bill book charter code constitution declaration decree document edict law letter manifesto
manuscript map painting poem proclamation statute text treaty
""".split())

# Titles written before a single name in many traditions, besides HONORIFICS: "Sultan Selim",
# "Caliph al-Mahdi", "Pharaoh Ramesses", "Infante Dom Pedro", "Shah Abbas"
TITLES = frozenset("""
abbot abbess admiral ayatollah bey caliph commodore consul dom don doña emir friar guru imam infanta infante
kaiser khagan maharaja maharani mahatma mullah nawab negus pandit pastor peshwa pharaoh praetor raja rajah rani
regent reverend shah sheikh shogun sri sultan sultana swami tribune vizier
""".split())

# Nouns for a person by role, rank or trade, which make a name set beside them a person ("the satrap
# Megabates", "Cao Cao, the northern warlord", "historians such as ...")
ROLE_NOUNS = frozenset("""
abbot admiral adviser advisor ally ambassador apostle archbishop aristocrat assassin astronomer baron bishop
brother-in-law cacique caliph captain cardinal chancellor chieftain chronicler cleric colonel commander companion
conqueror consul courtier curaca daimyo deputy diplomat disciple duke emir envoy explorer father-in-law
favourite favorite geographer governor grandfather grandmother granddaughter grandson guardian hero imam
inventor judge khan knight lieutenant lord magistrate mayor merchant minister missionary mistress monk
mother-in-law mystic noble nobleman noblewoman officer painter pasha patriarch pharaoh philosopher pilot pope
prefect pretender priest prophet rabbi rebel regent saint samurai satrap scholar scientist sculptor secretary
senator sergeant shah sheikh shogun soldier son-in-law successor sultan teacher theologian traveller traveler
tribune tutor tyrant usurper vassal viceroy vizier warlord warrior
accomplice banker biographer businessman chamberlain clerk commandant conspirator diarist disciple editor
financier friend interpreter lawyer mutineer physician plotter preacher printer professor reformer ringleader
rival servant settler slave speculator steward translator treasurer veteran
alderman bailiff burgess constable provost reeve sheriff
sachem headman marshal squire smuggler convict prisoner captive pirate bandit
""".split())

# Nouns whose "of <name>" names a person: "the reign of ...", "under the generalship of ..."
PERSON_OF_NOUNS = frozenset("""
abdication accession assassination behest birth coronation death deposition execution generalship instigation
leadership murder predecessor regency reign successor tutelage
""".split())

# Verbs whose subject is a person when it is a name: "X died", "X married", "X wrote"
PERSON_SUBJECT_VERBS = frozenset("""
abdicate argue confess contend describe die estimate marry mention note observe pray preach recount reign remark
resign suggest testify think wed write
""".split())
# Verbs whose agent ("led by X") is a person when it is a name
PERSON_AGENT_VERBS = frozenset("""
assassinate author command compose crown depose found govern head lead marry murder paint rule write
""".split())
# Verbs whose object (or passive subject) is a person: "excommunicated X", "X was wounded"
PERSON_OBJECT_VERBS = frozenset("""
assassinate baptize behead blind crown depose educate elect excommunicate execute imprison kill knight marry
murder poison strangle wound
""".split())

# Nouns for a body of people or a thing in a set, which make a name set beside them no person
# ("four divisions: Ptah, Suteh, ...", "the Chauhan clan")
COLLECTIVE_NOUNS = frozenset("""
army band brigade caste cavalry clan confederacy corps detachment division dynasty faction family fleet force
forces house infantry legion nation party people regiment sect squadron tribe troops unit
""".split())
# Made things whose names come after them: "the novel Romance of the Three Kingdoms", "the ship Bounty"
WORK_NOUNS = frozenset("""
book brig chronicle epic expression film frigate galleon journal motto newspaper novel opera painting phrase
play poem saga schooner ship slogan sloop song steamer term transport vessel warship word
""".split())
# Words before a place's name: "in present-day Haryana", "modern Iraq"
PLACE_QUALIFIERS = frozenset("present-day modern modern-day today's".split())
# Directions whose "of <name>" is a place: "north of Delhi"
DIRECTIONS = frozenset("north south east west northeast northwest southeast southwest".split())
# Faiths and parties, which the model often takes for a first name: "Protestant Elizabeth", "Roman Catholic"
AFFILIATIONS = frozenset("""
anglican bolshevik buddhist calvinist catholic catholics hindu huguenot jacobite jesuit jewish loyalist lutheran
menshevik muslim orthodox protestant protestants puritan royalist shia shiite sikh sunni
""".split())
# Words joining parts of a personal name: "Lorenzo de' Medici", "Ali ibn Muhammad", "Walther von Lüttwitz"
NAME_PARTICLES = frozenset("""
al ap bar bat ben bin bint da dal das de de' degli dei del della der di do dos du el ibn la le op ter van
von y zu
""".split())
# Epithets after "the": "Ashoka the Great", "Ivan the Terrible"
EPITHET_WORDS = frozenset("""
bald blessed bold conqueror confessor elder great just lame magnificent pious red terrible unready wise younger
""".split())
# Endings of the names of peoples in the plural: "Africans", "Hittites", "Spaniards", "Portuguese"
DEMONYM_SUFFIXES = ("ans", "ites", "ards", "ese", "ians", "ons")
# Verbs whose object, when it is a name, is a place: "the army took Luanda", "occupied Tabriz"
PLACE_OBJECT_VERBS = frozenset("""
annex besiege conquer enter evacuate fortify garrison invade loot occupy plunder raze reach sack storm take
""".split())
# Last words of the names of places of the land and of realms: "Teutoburg Forest", "Mito Domain"
PLACE_HEAD_NOUNS = frozenset("""
bay cape coast creek desert domain emirate falls forest gulf harbor harbour highlands hill hills island islands
lake land mount mountain mountains ocean pass peninsula plain plains plateau prefecture range ridge river sea
strait valley
""".split())
# Last words of names of days and feasts: "Freedom Day", "Easter Sunday"
OCCASION_NOUNS = frozenset("day eve feast festival holiday week".split())
# Titles written after a name: "Ibrahim Pasha", "Genghis Khan"; no surname
TRAILING_TITLES = frozenset("agha bey effendi khan pasha sahib".split())
# Words after a name that tell a father and son apart: "Amos Trell Jr."
GENERATION_SUFFIXES = frozenset("jr jr. sr sr. junior senior".split())
# Nouns for what only a person has, which make their possessor a person: "Whitcombe's account"
PERSONAL_NOUNS = frozenset("""
account accession biography birth career childhood death diary execution followers funeral life memoirs
murder reign supporters testimony tomb widow wives
""".split())
# Nouns for gods, which make a name set beside them no person
DEITY_NOUNS = frozenset("deity god goddess spirit".split())

# -- cause and effect ------------------------------------------------------------------------------------
# The cue inventory follows the Penn Discourse Treebank 3.0 explicit connectives of the sense
# Contingency.Cause, split as CausalBank splits its patterns: "because" mode (the effect is said first,
# the connective introduces the cause) and "therefore" mode (the cause first, then the connective and the
# effect); and the causative verbs, nouns and prepositions of the Causal News Corpus's signals. Each list
# says which side of its cue is the cause.

# Subordinators of Contingency.Cause.Reason: the clause they open is the cause, the main clause the
# effect ("since" and "as" are also temporal: the rules in causal.py tell them apart)
REASON_SUBORDINATORS = frozenset({"because", "since", "as"})
# Adverbials of Contingency.Cause.Result: the clause they sit in is the effect of the clause before
# (the conjunct before it in the sentence, or else the sentence before)
RESULT_ADVERBS = frozenset("so thus therefore hence consequently accordingly thereby".split())
# Multi-word result adverbials, by their last word and the words before it
RESULT_PHRASES = {
    ("as", "a", "result"): "as a result", ("as", "a", "consequence"): "as a consequence",
    ("in", "consequence"): "as a consequence", ("for", "this", "reason"): "for this reason",
    ("for", "that", "reason"): "for that reason", ("for", "these", "reasons"): "for these reasons",
    ("in", "response"): "in response", ("in", "retaliation"): "in retaliation",
    ("because", "of", "this"): "because of this", ("by", "doing", "so"): "as a result",
    ("in", "doing", "so"): "as a result", ("due", "to", "this"): "because of this",
    ("as", "a", "result", "of", "this"): "as a result",
}

# Causative verbs whose subject is the cause and whose object is the effect ("X sparked Y"), by class:
# bringing about, making stronger or worse, making weaker or stopping
CAUSE_VERBS = frozenset("""
cause trigger prompt spark provoke precipitate fuel stoke unleash ignite inflame incite produce engender
occasion ensure intensify heighten deepen exacerbate aggravate worsen hasten shape enable
strengthen reinforce boost weaken cripple undermine erode destabilize destabilise prevent hinder thwart
frustrate halt doom end anger outrage enrage infuriate incense alienate alarm antagonize antagonise embolden
galvanize galvanise arouse rouse sour strain poison ruin devastate bankrupt paralyze paralyse disrupt damage foment
instigate kindle rekindle reignite spur deter avert defuse hamper impede facilitate necessitate generate
""".split())
# Causative verbs with the particle or preposition that carries the effect ("X led to Y")
LINK_VERBS: dict[str, tuple[str, ...]] = {
    "lead": ("to",), "result": ("in",), "contribute": ("to",), "feed": ("into",), "culminate": ("in",),
    "pave": ("for",), "allow": ("for",),
}
# Phrasal causatives: verb and particle ("brought about the fall", "set off a panic")
PHRASAL_CAUSES = frozenset({("bring", "about"), ("set", "off"), ("touch", "off"), ("spark", "off"), ("stir", "up"),
                            ("bring", "down"), ("whip", "up")})
# Causative verbs of the "X forced Z to do W" class: the object and its infinitive are the effect
FORCE_VERBS = frozenset("""
force compel oblige persuade convince induce prompt drive lead cause allow enable push pressure pressurize
incite inspire encourage provoke spur motivate
""".split())
# Nouns of outcome that "give" makes causative: "..., giving victory to X"
GIVEN_OUTCOMES = frozenset("victory rise impetus momentum advantage edge opportunity pretext occasion".split())
# Causatives of a feeling, whose passive tells how someone felt: "were angered by the new tax" (the feeling is
# the effect, and "Why were they angered?" asks its cause)
FEELING_CAUSES = frozenset("""
anger outrage enrage infuriate incense alienate alarm upset dismay shock stun horrify scandalize scandalise offend
frighten humiliate embolden
""".split())
# Verbs whose subject is the effect and whose preposition names the cause ("X stemmed from Y")
FROM_CAUSE_VERBS: dict[str, tuple[str, ...]] = {
    "result": ("from",), "stem": ("from",), "arise": ("from", "out"), "spring": ("from",), "originate": ("in", "from"),
    "derive": ("from",), "follow": ("from",), "attribute": ("to",), "blame": ("on",),
}
# "X had its origin in Y", "the roots of X lay in Y": nouns of origin, with the cause after "in"
ORIGIN_NOUNS = frozenset("origin origins root roots source sources".split())
# Nouns that name the cause side ("the causes of X were Y", "X was a cause of Y")
CAUSE_NOUNS = frozenset("cause causes reason reasons factor factors catalyst trigger spark motive motives source".split())
# Verbs answering what came before: the response is the effect of what it answers
RESPONSE_VERBS = frozenset("respond react retaliate reply".split())
# Prepositional cues: (noun or word, preposition) -> the cue as written; the object is the cause
CAUSE_PREPOSITIONS = {
    ("because", "of"): "because of", ("due", "to"): "due to", ("owing", "to"): "owing to",
    ("thanks", "to"): "thanks to", ("result", "of"): "as a result of", ("consequence", "of"): "as a consequence of",
    ("response", "to"): "in response to", ("reaction", "to"): "in reaction to",
    ("retaliation", "for"): "in retaliation for", ("account", "of"): "on account of",
    ("wake", "of"): "in the wake of", ("aftermath", "of"): "in the aftermath of",
    ("influence", "of"): "under the influence of", ("protest", "against"): "in protest against",
    ("protest", "at"): "in protest at", ("revenge", "for"): "in revenge for", ("punishment", "for"): "as punishment for",
    ("retribution", "for"): "in retribution for", ("reprisal", "for"): "in reprisal for",
    ("instigation", "of"): "at the instigation of", ("behest", "of"): "at the behest of", ("orders", "of"): "on the orders of",
    ("pressure", "from"): "under pressure from", ("pressure", "by"): "under pressure from",
}

# Words that mark a claim as the article's report of someone's view or as uncertain, not its own statement
HEDGE_ADVERBS = frozenset("""
allegedly reportedly supposedly purportedly possibly probably perhaps apparently arguably presumably likely
conceivably
""".split())
HEDGE_MODALS = frozenset("may might could".split())
# Verbs of reporting beyond REPORTING_VERBS that hedge what they report ("it was said that ...")
HEDGING_VERBS = frozenset("""
say state report allege accuse suppose speculate hypothesize hypothesise theorize theorise posit
propose surmise conjecture rumor rumour suggest contend hold feel fear consider
""".split())

# -- people in antiquity, the Islamic world, Byzantium, Asia, Africa and the Americas -------------------
# Lists the people rules add to the ones above, kept apart so that no other extractor's words change.

# Titles of rank before one name, besides TITLES: "Patriarch Job", "Consul Harris", "Amir Nasr"
MORE_TITLES = frozenset("""
aedile amir atabeg censor despot dictator exarch hajib legate logothete malik mansa metropolitan mirza mufti nizam
patriarch proconsul propraetor qadi quaestor rana sharif strategos wazir
""".split())
# Titles after a name: "Tughril Beg", "Nadir Shah"
MORE_TRAILING_TITLES = frozenset("beg begum efendi khatun shah".split())
# Words for a person by kinship, standing or trade, besides ROLE_NOUNS: "a descendant of ...", "the magus X"
MORE_ROLE_NOUNS = frozenset("""
advocate ancestor captive centurion claimant concubine contender counsellor councillor counselor courtesan
descendant eunuch freedman headman hostage impostor jurist kinsman kinswoman lover magnate magus nominee orator
pensionary poet prisoner protégé relative sage stadtholder
archer baker blacksmith boyar butcher butler carpenter chaplain clergyman cobbler cupbearer curate dervish doorkeeper
gentleman grocer herald hetman informer innkeeper inspector janissary lector legionary magician majordomo mason
midshipman nun overseer prior prioress quartermaster rector sailor scribe seaman shoemaker sorcerer spy squire student
superintendent surgeon tailor vicar voivode weaver witness yeoman
""".split())
# Nouns whose "of <name>" names a person, besides PERSON_OF_NOUNS: "the arrest of X", "the exile of X"
MORE_PERSON_OF_NOUNS = frozenset("""
arrest banishment burial condemnation dethronement exile followers funeral imprisonment marriage overthrow pardon
partisans supporters adherents disciples
""".split())
# Nouns whose "of <name>" names a person unless the name is a place's or a body's: "on the orders of X",
# "on the advice of X", "with the help of X"
BIDDING_NOUNS = frozenset("advice approval behest bidding blessing command consent help invitation orders request urging wishes".split())
# Verbs of speech, writing, feeling, flight and accession whose subject, when it is a name and no place's,
# is a person: "Herodotus tells", "Ctesias calls", "Maxtla fled", "X ascended the throne"
SPEECH_VERBS = frozenset("""
advise answer ascend boast call complain declaim flee inherit lament mourn narrate plead praise quote recall
recommend relate reply resent say succeed swear tell urge vow weep aver assert affirm contend argue insist recount
testify confess remark
""".split())
# Verbs whose object, when it is a name and no place's, is a person: "denounced X", "consulted X"
MORE_PERSON_OBJECT_VERBS = frozenset("""
accuse acquit appoint arrest banish bribe castrate condemn consult crucify denounce dethrone dismiss exile flatter
hang impeach kidnap mourn mutilate outlaw overthrow pardon praise ransom sentence summon torture
advise ask assure beg congratulate convince greet implore inform persuade reassure remind tell thank warn
blame cite criticise criticize insult lampoon mention quote ridicule satirise satirize slander
""".split())
# Words whose "to <name>" is someone spoken or written to: "wrote to X", "a letter to X"
ADDRESS_WORDS = frozenset("""
appeal apologize apologise complain confess letter lie listen message petition pray reply report speak talk write
""".split())
# Verbs whose object is a list of people when their subject is a word for people: "the conspirators
# included X, Y and Z"
INCLUDE_VERBS = frozenset("comprise include number".split())
# Verbs that name someone to a role: "chose X as their ruler", "proclaimed X caliph", "X became king"
APPOINT_VERBS = frozenset("appoint choose crown declare elect install make name nominate proclaim recognize recognise".split())
# Nouns a name's "under" follows when it names a commander: "an army under X", "served under X"
COMMANDED_NOUNS = frozenset("army expedition fleet force forces legion legions men soldiers squadron troops".split())
# Nouns for what only a person has, besides PERSONAL_NOUNS: "Tahir's men", "on Maxtla's orders"
MORE_PERSONAL_NOUNS = frozenset("advice behalf bodyguard courtiers men orders retainers wishes".split())
# Lower-case rulers and officers whose "of <name>" is a place or a people: "governor of Khurasan"
RULER_OF_NOUNS = frozenset("""
archbishop bishop caliph count duke earl emir emperor governor khan king lord margrave mayor patriarch prefect
prince queen ruler satrap shah sultan tyrant viceroy
""".split())
# Prepositions that put a name at a place, besides LOCATIVE_PREPOSITIONS: "off Hobart"
MORE_PLACE_PREPOSITIONS = frozenset({"off"})
# Verbs whose object, when it is a name, is a place, besides PLACE_OBJECT_VERBS: "held Suiyang against it"
MORE_PLACE_OBJECT_VERBS = frozenset("""
bombard burn found hold liberate raid rebuild recapture reconquer relieve retake
""".split())
# Verbs whose object is a teaching, not a person: "refused to profess Islam"
BELIEF_VERBS = frozenset("abjure embrace practice practise preach profess renounce".split())
# Head nouns of the names of writings, inscriptions and records: "Behistun Inscription", "Articles of ..."
DOCUMENT_NOUNS = frozenset("""
agreement annals article articles charter chronicle chronicles codex constitution declaration decree document
edict epic gospel histories history inscription letter manifesto manuscript memoirs ordinance papyrus poem
proclamation psalter records saga scroll statute stela stele sutra tablet testament treaty
""".split())
# First words of names of writings that come before the rest: "Codex Mendoza", "Papyrus Westcar"
DOCUMENT_FIRST_WORDS = frozenset("codex leges lex papyrus stela stele tablet".split())
# First words of names of places: "Mons Albanus", "Campus Martius", "Lake Texcoco", "Jebel Musa"
PLACE_FIRST_WORDS = frozenset("""
bahr campus cape forum fort insula jabal jebel lacus lake mons mont monte mount pons porta port ras tell wadi
great greater lesser lower new upper
""".split())
# First words of names of assemblies and courts: "States General", "Estates of Holland", "Council of Ten"
BODY_FIRST_WORDS = frozenset("assembly council court estates house states".split())
# Particles between a person's own name and a forebear's, inside a name: "Harthama ibn A'yan"
PATRONYMIC_PARTICLES = frozenset("ap bar ben bin bint ibn".split())
# Particles joining a clan's name to a person's own, which no English text puts between two names:
# "Minamoto no Yoritomo"
CLAN_PARTICLES = frozenset({"no"})
# First words of an Arabic name that names a person by a child: "Abu Yazid", "Umm Kulthum"
KUNYA_WORDS = frozenset("abu abou umm".split())
# Nouns whose "of <name>" names a leader unless the name is a place's or a people's: "the revolt of X"
LED_EVENT_NOUNS = frozenset("conspiracy insurrection mutiny plot rebellion revolt rising uprising usurpation".split())
# Buildings and works of a town, besides FACILITY_NOUNS: "Swan Tavern", "Springfield Mill"
MORE_FACILITY_NOUNS = frozenset("""
armory armoury arsenal barracks courthouse dock docks farm gaol hotel inn jail market mausoleum mill mine mosque
pagoda quay saloon shrine synagogue tavern tomb wharf
""".split())
# Prefixes of ships' names: "USS Baltimore", "HMS Bounty"
SHIP_PREFIXES = frozenset("hmas hmcs hms rms sms ss uss".split())
# Verbs of will, counsel and deed whose subject, when it is a name the model gave no place's or body's
# label, is a person: "Coriolanus opposed ...", "Erasmus corresponded with him"
DEED_VERBS = frozenset("""
agree attempt betray bribe conspire correspond decide demand deny discover disguise educate escape flee hesitate
hide hope intend intrigue learn negotiate object oppose persuade plan plot promise propose protest quarrel refuse
return seek study teach travel try visit want wish
""".split())
# Words for a person that a state may be called too: "the allies were Britain and France"
# Words for people a country has as much as a person does: "Britain's first envoy to China"
ENVOY_NOUNS = frozenset("envoy envoys ambassador ambassadors consul consuls minister ministers representative agent".split())
STATE_ROLE_NOUNS = frozenset("allies ally enemies enemy neighbour neighbours neighbor neighbors power powers rival rivals vassal vassals".split())
# Verbs whose object (or passive subject) is a writing or a law: "ratified X", "X was reissued"
DOCUMENT_VERBS = frozenset("""
abrogate amend annul draft enact issue promulgate publish ratify reissue repeal revoke sign
""".split())
# Nouns a person may be said to be beyond the words for people above: "X was a member of ..."
PERSON_ATTR_NOUNS = frozenset("""
apprentice bastard boy candidate child citizen client convert fugitive girl guest heretic martyr member native one
patron person pupil refugee traitor twin victim youth
""".split())

# -- causal forms the cue words above do not name ---------------------------------------------------------
# More causative verbs of the classes of CAUSE_VERBS: dividing and discrediting, talking out of, settling
MORE_CAUSE_VERBS = frozenset("""
polarize polarise radicalize radicalise discredit humiliate dissuade discourage resolve jeopardize jeopardise
imperil endanger spell plunge stimulate shock stun horrify scandalize scandalise upset dismay unsettle offend
""".split())
# Verbs of harm and change whose subject is a cause only when it is an event or a thing, not someone acting:
# "The epidemic killed a third of the city" tells a consequence, "The king killed his brother" a deed
CONSEQUENCE_VERBS = frozenset("""
kill destroy ravage decimate depopulate impoverish displace reduce increase wreck claim leave earn cost secure
guarantee bring give alter change transform reshape inflict threaten delay assist wound injure
""".split())
# Events and forces of nature that do things without anyone acting: "the drought", "the fire"
HAZARD_NOUNS = frozenset("""
drought flood floods fire earthquake storm storms typhoon hurricane cyclone tsunami eruption frost winter blight
plague epidemic pandemic disease diseases cholera smallpox typhus fever pestilence famine hunger starvation
war wars fighting violence conflict battle siege raid raids bombing bombardment shelling explosion blast
inflation depression recession debt debts tax taxes tariff tariffs policy policies law laws decree treaty
embargo blockade crisis collapse defeat victory loss losses failure scandal dispute disputes
rain rains snow heat cold flooding refusal arrival approval removal betrayal dismissal denial withdrawal proposal
reversal upheaval revival marriage discovery decline rise fall spread growth success death accession abdication
capture surrender retreat advance departure absence shortage lack peace trouble troubles unrest disorder
insult affront breach blow setback infusion injection loan news
""".split())
# Nouns of ground prepared for what came later: "laid the foundation for", "set the stage for", "sowed the
# seeds of"
GROUND_NOUNS = frozenset("foundation foundations groundwork stage conditions seeds seed ground precedent".split())
GROUND_VERBS = frozenset("lay set create provide sow prepare establish".split())
# Verbs of giving way, whose "under" names what made it give way ("collapsed under the counterattacks");
# "fell under Ottoman rule" is no giving way
GIVING_WAY_VERBS = frozenset("collapse crumble buckle break yield falter waver disintegrate give".split())
# Verbs of success whose "through" names the means that brought it ("won the battle through superior tactics")
SUCCESS_VERBS = frozenset("win achieve gain secure obtain attain".split())
# Nouns a result "forced" on someone: "forced the resignation of the minister", "forced a retreat"
FORCED_OUTCOMES = frozenset("""
resignation abdication retreat withdrawal surrender capitulation evacuation halt end change exile flight
departure closure cancellation postponement removal release concession concessions
""".split())
# Nouns of an answer to what came before: "The rising was a response to the new taxes"
RESPONSE_NOUNS = frozenset("response reaction answer retaliation reprisal backlash".split())
# Phrases of a motive or a ground, by their noun and the preposition before it: "for fear of reprisals", "out of
# jealousy", "on the grounds that ...", "in the face of fierce resistance", "in light of the reports"
MOTIVE_PHRASES: dict[str, tuple[str, ...]] = {
    "fear": ("for", "of"), "grounds": ("on",), "ground": ("on",), "face": ("in",), "light": ("in",),
    "jealousy": ("of",), "envy": ("of",), "spite": ("of",), "desperation": ("of",), "frustration": ("of",),
    "resentment": ("of",), "loyalty": ("of",), "necessity": ("of",), "anger": ("of",), "revenge": ("of",),
}
# Adjectives that tell the state someone acted from: "Unable to pay his troops, the king sold the jewels"
MOTIVE_ADJECTIVES = frozenset("""
unable unwilling afraid fearful desperate angry furious dissatisfied disillusioned frustrated jealous suspicious
wary weary exhausted outnumbered isolated impoverished
""".split())
# General nouns that, after "this" or "these", stand for what the sentence before told: "This action sparked
# indignation", "These events polarized the electorate"
TOLD_BEFORE_NOUNS = frozenset("""
action actions move moves decision decisions measure measures policy policies step steps act acts event events
development developments change changes situation behaviour behavior practice practices demand demands treatment
""".split())
# Where someone is brought or driven that tells a consequence: "brought the generals to power", "drove the
# peasants to revolt", "brought the empire to the brink of collapse"
BROUGHT_TO = frozenset("""
power throne brink verge knees standstill halt revolt rebellion despair suicide war ruin bankruptcy starvation
madness desperation poverty
""".split())
# Verbs whose subject came of what their preposition names: "The movement grew out of the famine", "was born
# of frustration"
GROWN_FROM_VERBS: dict[str, tuple[str, ...]] = {"grow": ("out",), "bear": ("of",), "emanate": ("from",),
                                                "trace": ("to",)}
# Ways of dying, whose "of" or "from" names the cause: "died of dysentery"
DYING_VERBS = frozenset("die perish succumb".split())
# Verbs of gaining or suffering whose preposition names where it came from: "benefited from the trade"
GAIN_VERBS: dict[str, tuple[str, ...]] = {
    "benefit": ("from",), "profit": ("from",), "suffer": ("from",), "prosper": ("from", "through"),
}
# What a clause ends "with" that it cost: "sank with the loss of all hands"
LOSS_NOUNS = frozenset("loss losses death deaths casualties".split())
# What a thing happens "amid" that bears on it: "collapsed amid widespread unrest"; not "amid the ruins", "amid
# celebrations"
AMID_NOUNS = frozenset("""
unrest tension tensions turmoil chaos discontent dissatisfaction fear fears pressure opposition criticism
accusation accusations allegation allegations rumour rumours rumor rumors controversy outrage anger protest
protests violence rioting riots fighting crisis famine war revolt rebellion uprising scandal resistance
""".split())
# Phrasal causatives besides PHRASAL_CAUSES whose particle carries the effect with the object: "set them
# against the rest of the population", "ushered in a period of reform", "wiped out the garrison"
MORE_PHRASAL_CAUSES = frozenset({("set", "against"), ("turn", "against"), ("usher", "in"), ("wipe", "out"),
                                 ("draw", "in"), ("drag", "in"), ("drag", "into"), ("draw", "into")})
# What an event or a thing gives someone, besides GIVEN_OUTCOMES: "The marriage gave the duke a claim to the crown"
GIVEN_BY_EVENTS = frozenset("claim right rights control access power independence autonomy monopoly title".split())
# Verbs of reacting, after which an "as" clause of what others did tells why ("As the Mongols advanced, the
# inhabitants fled"); "as" with any other verb may only say when
REACTION_VERBS = frozenset("""
flee retreat withdraw surrender abandon evacuate escape capitulate desert scatter disperse panic rebel revolt riot
resign abdicate mutiny
""".split())
# Verbs of removing or harming someone whose passive "in" names the event it happened in: "was deposed in a coup"
REMOVED_IN_VERBS = frozenset("depose overthrow oust topple kill wound injure capture destroy drown".split())
# Words for people and for stretches of land besides the lists above, which no "which" can stand for as a cause
# ("a member of a rival faction, which ...", "connected the port to the interior, which ...")
MEMBERS_AND_LANDS = frozenset("member members crowd mob interior coast frontier border hinterland".split())
# Verbs of paying back, whose infinitive's object is what was paid back: "attacked the city to avenge the death
# of his father" (a purpose that names its cause)
AVENGING_VERBS = frozenset("avenge revenge retaliate punish".split())
# Nouns of harm whose "from" names what did it: "deaths from famine", "damage from the earthquake"
HARM_NOUNS = frozenset("death deaths dead casualties losses loss damage destruction suffering injuries".split())
# Verbs whose participle after a clause tells what the clause began or set up: ", beginning the history of Egypt
# under the British", ", establishing defensible frontiers", ", marking the end of the dynasty"
RESULT_PARTICIPLES = frozenset("begin establish create mark inaugurate usher open initiate".split())
