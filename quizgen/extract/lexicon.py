"""Word lists the rules use. They name kinds of things (events, titles, buildings, cue verbs),
never a particular person, place or event."""

# Head nouns of names of events and periods: "Leningrad Affair", "Great Purge", "Gunpowder Plot"
EVENT_NOUNS = frozenset("""
affair assassination attack battle blockade campaign conference conquest conspiracy coup crisis
crusade declaration disaster election embargo emergency era execution expedition explosion famine fire
incident independence insurrection invasion killing killings massacre movement murder mutiny occupation
offensive operation partition plot pogrom protest purge purges rebellion reform reforms reformation
restoration revolt revolution riot riots schism secession siege strike terror treaty trial trials truce
unification uprising war wars
""".split())

# Heads of a bare reference back to the article's event: "the killing", "his death"
EVENT_ANAPHORA = frozenset("""
assassination attack bombing crime death episode event incident killing murder plot shooting tragedy
""".split())
ANAPHOR_ADJECTIVES = frozenset({"the", "this", "that", "his", "her", "its"})

# Kinds of event: in an article about one, "the <noun of its kind>" is that event ("the uprising" in an
# article on a rebellion, "the battle" in one on a battle); a noun of another kind is not ("the war" in
# an article on one of its battles)
EVENT_KINDS: tuple[frozenset[str], ...] = tuple(frozenset(k.split()) for k in (
    "rebellion revolt uprising insurrection rising mutiny insurgency",
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
    "telegram dispatch message cable note",
    "edict decree",
    "embassy mission expedition",
    "strike walkout walk-off",
    "famine",
    "scandal",
    "trial",
    "reform reforms",
    "invasion conquest",
))

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
service society union
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
