//! Realistic synthetic teams for trying handover at scale and for the
//! benchmarks. A small hand-written generator (SplitMix64) rather than a
//! crate, so the same seed gives the same bytes across dependency upgrades.

use std::collections::HashSet;

use jiff::ToSpan;

use crate::model::{
    ActionItem, Date, LevelChange, LogEntry, Mission, Person, Status, Team, Verdict,
};
use crate::text::capitalise;

/// The deterministic random source of the generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with the given percent chance.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn date(&mut self, year: i16) -> Date {
        jiff::civil::date(year, 1 + self.below(12) as i8, 1 + self.below(28) as i8)
    }

    /// A day from `days.start` to `days.end` (exclusive) days after `today`.
    fn around(&mut self, today: Date, days: std::ops::Range<i64>) -> Date {
        let span = (days.end - days.start).max(1) as usize;
        shift(today, days.start + self.below(span) as i64)
    }
}

/// `today` moved by `days` (negative: earlier).
fn shift(today: Date, days: i64) -> Date {
    today.checked_add(days.days()).unwrap_or(today)
}

/// The day [`generate`] treats as today: the one the tests and the README's
/// examples fix with `$HANDOVER_TODAY`.
pub const DEMO_TODAY: Date = jiff::civil::date(2026, 11, 28);

/// A kind of work: its skills, tools, roles and missions.
struct Area {
    roles: &'static [&'static str],
    skills: &'static [&'static str],
    tools: &'static [&'static str],
    verbs: &'static [&'static str],
    objects: &'static [&'static str],
}

const AREAS: &[Area] = &[
    Area {
        roles: &["Backend engineer", "Platform engineer", "API engineer"],
        skills: &[
            "rust",
            "go",
            "sql",
            "postgres",
            "api design",
            "kafka",
            "caching",
            "security",
        ],
        tools: &["prod-db access", "ci"],
        verbs: &[
            "Migrate",
            "Split",
            "Harden",
            "Speed up",
            "Add retries to",
            "Rewrite",
        ],
        objects: &[
            "the billing service",
            "the payment webhooks",
            "the ledger",
            "the auth module",
            "the search index",
            "the notification queue",
            "the invoicing API",
            "the rate limiter",
        ],
    },
    Area {
        roles: &["Frontend engineer", "Mobile engineer"],
        skills: &[
            "typescript",
            "react",
            "css",
            "accessibility",
            "swift",
            "kotlin",
            "web performance",
        ],
        tools: &["figma", "ci", "device lab"],
        verbs: &[
            "Redesign",
            "Speed up",
            "Make accessible",
            "Rebuild",
            "Localise",
        ],
        objects: &[
            "the checkout page",
            "the onboarding flow",
            "the settings screen",
            "the account pages",
            "the mobile login",
            "the dashboard",
            "the design system",
        ],
    },
    Area {
        roles: &["Site reliability engineer", "Infrastructure engineer"],
        skills: &[
            "kubernetes",
            "terraform",
            "linux",
            "observability",
            "networking",
            "incident response",
        ],
        tools: &["cloud console", "pager", "vault access"],
        verbs: &["Upgrade", "Automate", "Monitor", "Move", "Cut the cost of"],
        objects: &[
            "the staging cluster",
            "the TLS certificates",
            "the backups",
            "the CI runners",
            "the DNS setup",
            "the log pipeline",
            "the on-call rota",
        ],
    },
    Area {
        roles: &["Data analyst", "Data engineer", "Data scientist"],
        skills: &[
            "python",
            "statistics",
            "machine learning",
            "dbt",
            "sql",
            "data visualisation",
        ],
        tools: &["bi dashboard", "warehouse access"],
        verbs: &["Automate", "Build", "Clean up", "Forecast", "Prototype"],
        objects: &[
            "the revenue report",
            "churn prediction",
            "the marketing funnel",
            "the event schema",
            "the retention cohorts",
            "the pricing experiment",
        ],
    },
    Area {
        roles: &["Product designer", "User researcher", "Product manager"],
        skills: &[
            "design",
            "user research",
            "writing",
            "prioritisation",
            "prototyping",
        ],
        tools: &["figma", "survey tool"],
        verbs: &["Research", "Design", "Write", "Test", "Plan"],
        objects: &[
            "the pricing page",
            "the help centre",
            "the roadmap",
            "the empty states",
            "the upgrade flow",
            "the release notes",
        ],
    },
    Area {
        roles: &["QA engineer", "Test automation engineer"],
        skills: &["testing", "test automation", "python", "load testing"],
        tools: &["ci", "device lab"],
        verbs: &[
            "Load-test",
            "Automate tests for",
            "Write a test plan for",
            "Stabilise the tests of",
        ],
        objects: &[
            "the payment API",
            "the mobile app",
            "the checkout page",
            "the import tool",
            "the public API",
        ],
    },
];

const FIRST: &[&str] = &[
    "Amina", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kwame",
    "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma",
    "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bilal", "Carmen", "Dmitri", "Esther",
    "Felix", "Gita", "Hamza", "Ivy", "Jamal", "Kenji", "Leila", "Marek", "Noor", "Olu", "Paula",
    "Rafael", "Sana", "Tomás", "Ulla", "Vera", "Wanjiru", "Yara", "Zainab",
];

const LAST: &[&str] = &[
    "Diallo",
    "Costa",
    "Wei",
    "Kowalski",
    "Şahin",
    "Haddad",
    "Mensah",
    "Tanaka",
    "Moreau",
    "Berg",
    "Owusu",
    "Fischer",
    "Rossi",
    "Karimi",
    "Lindqvist",
    "Sharma",
    "Dubois",
    "García",
    "Novak",
    "Aziz",
    "Patel",
    "Ivanov",
    "Zhang",
    "López",
    "Yilmaz",
    "Martin",
    "Sato",
    "Khan",
    "Ortega",
    "Petrov",
    "Cohen",
    "Weber",
    "Nair",
    "Farouk",
    "Brennan",
    "Okafor",
    "Mori",
    "Hosseini",
    "Dvořák",
    "Rahman",
    "Adeyemi",
    "Silva",
    "Moreno",
    "Ali",
    "Ferreira",
    "Nieminen",
    "Popescu",
    "Kamau",
    "Nguyen",
    "Abbasi",
];

const NOTES: &[&str] = &[
    "Wants more ownership of design decisions.",
    "Feeling stretched between two projects.",
    "Asked for feedback on their last presentation.",
    "Interested in mentoring a junior colleague.",
    "Blocked on access requests for two weeks.",
];

const ACTIONS: &[&str] = &[
    "Share the runbook",
    "Book a pairing session",
    "Ask for the missing access",
    "Draft a goal for the next mission",
    "Find a conference talk to give",
];

/// A synthetic team of `people` people and `missions` missions, as of
/// [`DEMO_TODAY`].
pub fn generate(people: usize, missions: usize, seed: u64) -> Team {
    generate_on(people, missions, seed, DEMO_TODAY)
}

/// A synthetic team of `people` people and `missions` missions as of
/// `today`: what has happened (hand-overs, one-on-ones, skill history,
/// completions) is dated at or before it, due dates and check-ins fall on
/// both sides of it, so the week has something to say. The same seed and
/// day give the same team.
pub fn generate_on(people: usize, missions: usize, seed: u64, today: Date) -> Team {
    let mut rng = Rng(seed ^ 0x6861_6e64_6f76_6572);
    let mut team = Team::default();
    let mut area_of = Vec::with_capacity(people);
    // Who holds each skill at level ≥ 3, to pick plausible owners and mentors.
    let mut holders: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    let mut experts: std::collections::HashMap<&str, Vec<usize>> = Default::default();
    for i in 0..people {
        let area = rng.below(AREAS.len());
        let person = person(&mut rng, i, people, area, &area_of, &team.people, today);
        for (skill, &level) in &person.skills {
            let skill = intern_skill(skill);
            if level >= 3 {
                holders.entry(skill).or_default().push(i);
            }
            if level == 4 {
                experts.entry(skill).or_default().push(i);
            }
        }
        area_of.push(area);
        team.people.push(person);
    }
    let mut titles = HashSet::new();
    for _ in 0..missions {
        let area = &AREAS[rng.below(AREAS.len())];
        let mut mission = mission(&mut rng, area, &mut titles, today);
        let first_skill = mission.skills.keys().next().map(|s| intern_skill(s));
        if people > 0 && rng.chance(80) {
            let owner = match first_skill.and_then(|s| holders.get(s)) {
                Some(list) if rng.chance(70) => *rng.pick(list),
                _ => rng.below(people),
            };
            mission.owner = Some(team.people[owner].name.clone());
            if rng.chance(30)
                && let Some(list) = first_skill.and_then(|s| experts.get(s))
            {
                let mentor = *rng.pick(list);
                if mentor != owner {
                    mission.mentor = Some(team.people[mentor].name.clone());
                }
            }
        }
        if mission.owner.is_none() && mission.status == Status::HandedOver {
            // Nobody can have been handed a mission nobody owns.
            mission.status = Status::Planned;
            mission.clear_what_status_rules_out();
        }
        team.missions.push(mission);
    }
    team
}

/// The catalogue's own `&'static str` for a skill name.
fn intern_skill(name: &str) -> &'static str {
    AREAS
        .iter()
        .flat_map(|a| a.skills.iter())
        .find(|s| **s == name)
        .copied()
        .unwrap_or("")
}

fn person_name(i: usize, total: usize) -> String {
    let combos = FIRST.len() * LAST.len();
    // A fixed permutation of the combinations, so neighbours do not share names.
    let n = (i % combos) * 1_237 % combos;
    let name = format!("{} {}", FIRST[n % FIRST.len()], LAST[n / FIRST.len()]);
    if total > combos && i >= combos {
        format!("{name} {}", i / combos + 1)
    } else {
        name
    }
}

fn person(
    rng: &mut Rng,
    i: usize,
    total: usize,
    area: usize,
    area_of: &[usize],
    earlier: &[Person],
    today: Date,
) -> Person {
    let a = &AREAS[area];
    let mut p = Person::named(person_name(i, total));
    // 0 junior, 1 mid, 2 senior, 3 staff
    let seniority = [0, 1, 1, 1, 2, 2, 3][rng.below(7)];
    let titles = ["Junior ", "", "Senior ", "Staff "];
    p.role = format!("{}{}", titles[seniority], rng.pick(a.roles).to_lowercase());
    p.role = capitalise(&p.role);
    let count = 2 + rng.below(a.skills.len().min(5) - 1);
    for _ in 0..count {
        let skill = *rng.pick(a.skills);
        let level = (1 + seniority + rng.below(2)).min(4) as u8;
        p.skills.insert(skill.to_string(), level);
    }
    if rng.chance(40) {
        let other = &AREAS[rng.below(AREAS.len())];
        p.skills
            .entry(rng.pick(other.skills).to_string())
            .or_insert(1 + rng.below(2) as u8);
    }
    for tool in a.tools {
        if rng.chance(70) {
            p.tools.push(tool.to_string());
        }
    }
    p.capacity = 2 + rng.below(3) as u32;
    p.mentor_capacity = [0, 1, 2, 3][seniority];
    if !earlier.is_empty() && rng.chance(85) {
        for _ in 0..1 + rng.below(2) {
            // Prefer a colleague of the same area among the last few hired.
            let start = earlier.len().saturating_sub(40);
            let same: Vec<usize> = (start..earlier.len())
                .filter(|&j| area_of[j] == area)
                .collect();
            let j = if same.is_empty() {
                rng.below(earlier.len())
            } else {
                *rng.pick(&same)
            };
            let name = &earlier[j].name;
            if !p.turns_to.contains(name) {
                p.turns_to.push(name.clone());
            }
        }
    }
    if rng.chance(50) {
        let skill = *rng.pick(a.skills);
        if p.skills.get(skill).copied().unwrap_or(0) < 3 {
            p.wants.push(skill.to_string());
        }
    }
    p.cadence = [7, 14, 14, 14, 21, 28, 30][rng.below(7)];
    // The first person is always due a one-on-one, so even a team of one
    // has a week to show; most others have met their manager lately.
    if i == 0 || rng.chance(85) {
        let entries = 1 + rng.below(3);
        let newest = if i == 0 {
            i64::from(p.cadence) + 3
        } else {
            // Mostly within their cadence, some a few days past it.
            rng.below(p.cadence as usize + 4) as i64
        };
        for n in 0..entries {
            let date = shift(
                today,
                -(newest + (i64::from(p.cadence) + rng.below(10) as i64) * n as i64),
            );
            let actions = (0..rng.below(3))
                .map(|_| ActionItem {
                    done: rng.chance(50),
                    mine: rng.chance(30),
                    due: rng
                        .chance(50)
                        .then(|| shift(date, 7 + rng.below(21) as i64)),
                    ..ActionItem::new(*rng.pick(ACTIONS))
                })
                .collect();
            p.log.push(LogEntry {
                date,
                note: rng.pick(NOTES).to_string(),
                actions,
            });
        }
        p.log.sort_by_key(|e| e.date);
    }
    // Some grew in a skill this year: the level before, then the level now.
    if !p.skills.is_empty()
        && rng.chance(40)
        && let Some((skill, &level)) = p.skills.iter().nth(rng.below(p.skills.len()))
    {
        let grown = shift(today, -(1 + rng.below(120) as i64));
        if level > 1 {
            p.history.push(LevelChange {
                date: shift(grown, -(60 + rng.below(200) as i64)),
                skill: skill.clone(),
                level: level - 1,
            });
        }
        p.history.push(LevelChange {
            date: grown,
            skill: skill.clone(),
            level,
        });
    }
    p
}

fn mission(rng: &mut Rng, a: &Area, titles: &mut HashSet<String>, today: Date) -> Mission {
    let base = format!("{} {}", rng.pick(a.verbs), rng.pick(a.objects));
    let mut title = base.clone();
    let mut n = 2;
    while !titles.insert(title.to_lowercase()) {
        title = format!("{base} ({n})");
        n += 1;
    }
    let mut m = Mission::titled(title);
    if !rng.chance(5) {
        m.goal = format!(
            "{} is done, measured and handed back by {}",
            capitalise(&m.title),
            rng.date(2027)
        );
    }
    for _ in 0..1 + rng.below(3) {
        let need = [2, 3, 3, 3, 4][rng.below(5)];
        m.skills.insert(rng.pick(a.skills).to_string(), need);
    }
    if rng.chance(60) {
        m.tools.push(rng.pick(a.tools).to_string());
    }
    if rng.chance(3) {
        m.tools.push("vendor sandbox".to_string());
    }
    m.status = match rng.below(100) {
        0..80 => Status::Planned,
        80..92 => Status::HandedOver,
        _ => Status::Done,
    };
    if m.status != Status::Planned {
        let handed_over = rng.around(today, -150..0);
        m.handed_over = Some(handed_over);
        m.handed_over_as = Some(
            [
                Verdict::Ready,
                Verdict::Ready,
                Verdict::Stretch,
                Verdict::Stretch,
                Verdict::AtRisk,
                Verdict::Blocked,
            ][rng.below(6)],
        );
        if m.status == Status::Done {
            let since = crate::analysis::dates::days_between(handed_over, today);
            m.completed = Some(shift(handed_over, rng.below(since as usize + 1) as i64));
        } else {
            m.check_in = Some(shift(handed_over, 14));
        }
    }
    if rng.chance(85) {
        m.delegation = Some([1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7][rng.below(11)]);
    }
    if rng.chance(60) {
        // A few late, some due within two weeks, most later.
        m.due = Some(rng.around(today, -20..180));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate;

    #[test]
    fn the_same_seed_gives_the_same_team_and_another_seed_another() {
        assert_eq!(generate(50, 80, 7), generate(50, 80, 7));
        assert_ne!(generate(50, 80, 7), generate(50, 80, 8));
    }

    #[test]
    fn generated_teams_are_valid_at_every_size() {
        for (people, missions) in [(0, 0), (0, 5)].into_iter().chain(SIZES) {
            let team = generate(people, missions, 3);
            assert_eq!(team.people.len(), people);
            assert_eq!(team.missions.len(), missions);
            assert_eq!(validate(&team), vec![], "{people} × {missions}");
        }
    }

    #[test]
    fn a_demo_team_is_varied() {
        let team = generate(200, 300, 1);
        let unassigned = team.missions.iter().filter(|m| m.owner.is_none()).count();
        let mentored = team.missions.iter().filter(|m| m.mentor.is_some()).count();
        assert!((30..=100).contains(&unassigned), "{unassigned} unassigned");
        assert!(mentored > 20, "{mentored} mentored");
        let levels: HashSet<u8> = team
            .people
            .iter()
            .flat_map(|p| p.skills.values().copied())
            .collect();
        assert!(levels.len() >= 4, "levels {levels:?}");
    }

    const SIZES: [(usize, usize); 5] = [(1, 0), (1, 1), (5, 5), (40, 60), (2_600, 300)];

    #[test]
    fn nothing_that_has_happened_is_dated_after_today() {
        for today in [DEMO_TODAY, jiff::civil::date(2025, 3, 1)] {
            for seed in 1..4 {
                let team = generate_on(300, 400, seed, today);
                for p in &team.people {
                    assert!(p.log.iter().all(|e| e.date <= today), "{}", p.name);
                    assert!(p.history.iter().all(|h| h.date <= today), "{}", p.name);
                    assert!(
                        p.history.windows(2).all(|w| w[0].date <= w[1].date),
                        "oldest first"
                    );
                    assert!(
                        p.log.windows(2).all(|w| w[0].date <= w[1].date),
                        "oldest first"
                    );
                }
                for m in &team.missions {
                    assert!(m.handed_over.is_none_or(|d| d <= today), "{}", m.title);
                    assert!(m.completed.is_none_or(|d| d <= today), "{}", m.title);
                    if let (Some(h), Some(c)) = (m.handed_over, m.completed) {
                        assert!(h <= c, "done after it was handed over: {}", m.title);
                    }
                }
            }
        }
    }

    #[test]
    fn a_handed_over_mission_always_has_an_owner_and_a_date() {
        for seed in 1..6 {
            let team = generate(100, 500, seed);
            let handed: Vec<&Mission> = team
                .missions
                .iter()
                .filter(|m| m.status == Status::HandedOver)
                .collect();
            assert!(!handed.is_empty());
            for m in handed {
                assert!(m.owner.is_some(), "{}", m.title);
                assert!(
                    m.handed_over.is_some() && m.handed_over_as.is_some(),
                    "{}",
                    m.title
                );
            }
        }
    }

    #[test]
    fn the_week_has_something_to_say_at_every_size() {
        for (people, missions) in SIZES {
            for seed in 1..4 {
                let team = generate(people, missions, seed);
                let a = crate::analysis::analyse(&team);
                let week = crate::week::Week::of(&team, &a, DEMO_TODAY);
                assert!(
                    !week.one_on_ones_due.is_empty(),
                    "{people} × {missions}, seed {seed}"
                );
            }
        }
        let team = generate(400, 600, 1);
        let a = crate::analysis::analyse(&team);
        let week = crate::week::Week::of(&team, &a, DEMO_TODAY);
        let counts = [
            week.one_on_ones_due.len(),
            week.missions_due.len(),
            week.check_ins_due.len(),
            week.actions_open.len(),
            week.handed_over_at_risk.len(),
        ];
        assert!(
            counts.iter().all(|&n| n > 0),
            "every group has something: {counts:?}"
        );
        assert!(
            week.actions_open.iter().any(|o| o.mine) && week.actions_open.iter().any(|o| o.overdue)
        );
        assert!(week.missions_due.iter().any(|d| d.due_in_days < 0));
        assert!(
            week.one_on_ones_due.len() < 400 / 2,
            "most people met lately: {}",
            week.one_on_ones_due.len()
        );
        let cadences: HashSet<u32> = team.people.iter().map(|p| p.cadence).collect();
        assert!(cadences.len() >= 4, "{cadences:?}");
        assert!(team.people.iter().filter(|p| !p.history.is_empty()).count() > 100);
    }

    #[test]
    fn the_same_seed_and_day_give_the_same_team() {
        let day = jiff::civil::date(2027, 5, 3);
        assert_eq!(generate_on(30, 40, 9, day), generate_on(30, 40, 9, day));
        assert_ne!(
            generate_on(30, 40, 9, day),
            generate_on(30, 40, 9, DEMO_TODAY)
        );
    }
}
