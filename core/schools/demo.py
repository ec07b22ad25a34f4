"""Demo schools: forty open schools, ten in each of four regions, the same on every run.

Written as a fixed list (not random) so the demo is stable and the networks' demo data, which
takes schools region by region in URN order, always gets the same ones: within each region the
first five suit its first demo network and the next five its second. The names are made up in
the style of real ones, and the URNs are high numbers chosen to keep clear of real ones.
Running seed twice adds nothing (get_or_create by URN).
"""

from core.vocabulary import phase_from_register

from .models import School

OPEN = "Open"

# (URN, name, establishment type, phase as the register names it, local authority, region, town,
# postcode)
DEMO_SCHOOLS = [
    # North West: the Mersey Learning Partnership, then the Pennine Enquiry Network.
    (870101, "Anfield Park Primary School", "Community school", "Primary", "Liverpool", "North West", "Liverpool", "L4 0TH"),
    (870102, "Childwall Vale Catholic High School", "Voluntary aided school", "Secondary", "Liverpool", "North West", "Liverpool", "L25 6EG"),
    (870103, "Seaforth Vale Primary School", "Academy converter", "Primary", "Sefton", "North West", "Liverpool", "L21 3TX"),
    (870104, "Birkenhead Priory Secondary School", "Community school", "Secondary", "Wirral", "North West", "Birkenhead", "CH41 8BT"),
    (870105, "Rock Ferry Shore Primary School", "Community school", "Primary", "Wirral", "North West", "Birkenhead", "CH42 4NB"),
    (870106, "Hollingworth Lake Primary School", "Community school", "Primary", "Rochdale", "North West", "Littleborough", "OL15 9AA"),
    (870107, "Saddleworth Holy Trinity Church of England Primary School", "Voluntary controlled school", "Primary", "Oldham", "North West", "Dobcross", "OL3 5AS"),
    (870108, "Whitworth Moor High School", "Academy converter", "Secondary", "Lancashire", "North West", "Rochdale", "OL12 8TS"),
    (870109, "Bacup Valley Primary School", "Foundation school", "Primary", "Lancashire", "North West", "Bacup", "OL13 8AG"),
    (870110, "Burnley Wood Nursery School", "Local authority nursery school", "Nursery", "Lancashire", "North West", "Burnley", "BB11 3EU"),
    # West Midlands: the Black Country Transition Collaborative, then Birmingham Pupil Voice.
    (870201, "Netherton Canal Primary School", "Community school", "Primary", "Dudley", "West Midlands", "Dudley", "DY2 9QF"),
    (870202, "Cradley Chainmakers Primary Academy", "Academy sponsor led", "Primary", "Sandwell", "West Midlands", "Cradley Heath", "B64 6JQ"),
    (870203, "Wednesfield Heath High School", "Academy converter", "Secondary", "Wolverhampton", "West Midlands", "Wolverhampton", "WV11 3PN"),
    (870204, "Castle Hill Secondary Academy", "Academy converter", "Secondary", "Dudley", "West Midlands", "Dudley", "DY1 4RL"),
    (870205, "Brownhills Common School", "Foundation school", "Secondary", "Walsall", "West Midlands", "Walsall", "WS9 9JS"),
    (870206, "Sparkhill Park Primary School", "Community school", "Primary", "Birmingham", "West Midlands", "Birmingham", "B11 4BL"),
    (870207, "St Chad's Catholic Secondary School", "Voluntary aided school", "Secondary", "Birmingham", "West Midlands", "Birmingham", "B23 5XA"),
    (870208, "Nechells Park All-through Academy", "Free schools", "All-through", "Birmingham", "West Midlands", "Birmingham", "B7 5PD"),
    (870209, "Kings Heath Park Nursery School", "Local authority nursery school", "Nursery", "Birmingham", "West Midlands", "Birmingham", "B14 7AH"),
    (870210, "Bordesley Green Community School", "Community school", "Secondary", "Birmingham", "West Midlands", "Birmingham", "B9 4TR"),
    # London: the Thames Gateway Literacy Network, then Camden and Islington Inclusion.
    (870301, "Plaistow Park Nursery School", "Local authority nursery school", "Nursery", "Newham", "London", "London", "E13 0AJ"),
    (870302, "Royal Victoria Dock Primary School", "Community school", "Primary", "Newham", "London", "London", "E16 2QN"),
    (870303, "Thames Reach Primary School", "Community school", "Primary", "Barking and Dagenham", "London", "Barking", "IG11 0LG"),
    (870304, "Thamesmead Polytechnic School", "Academy converter", "Secondary", "Greenwich", "London", "London", "SE28 8AT"),
    (870305, "Beckton All-through School", "Free schools", "All-through", "Newham", "London", "London", "E6 5TB"),
    (870306, "Belsize Vale School", "Community special school", "Special", "Camden", "London", "London", "NW8 6HX"),
    (870307, "Gospel Oak Fields Primary School", "Community school", "Primary", "Camden", "London", "London", "NW5 4LN"),
    (870308, "St Barnabas Church of England Primary School", "Voluntary aided school", "Primary", "Islington", "London", "London", "N7 8PG"),
    (870309, "Highbury Crescent School", "Community school", "Secondary", "Islington", "London", "London", "N5 2EQ"),
    (870310, "Regent's Canal High School", "Community school", "Secondary", "Camden", "London", "London", "NW1 1RX"),
    # South West: the Cornwall Rural Schools Network, then Bristol Mathematical Reasoning.
    (870401, "St Neot Moor Primary School", "Community school", "Primary", "Cornwall", "South West", "Liskeard", "PL14 6NL"),
    (870402, "Cubert Sands Primary School", "Academy converter", "Primary", "Cornwall", "South West", "Newquay", "TR8 5HE"),
    (870403, "Mullion Cove Primary School", "Academy converter", "Primary", "Cornwall", "South West", "Helston", "TR12 7DF"),
    (870404, "Tregony Valley Primary School", "Community school", "Primary", "Cornwall", "South West", "Truro", "TR2 5RL"),
    (870405, "Pendeen Cliff School", "Academy converter", "Primary", "Cornwall", "South West", "Penzance", "TR19 7SE"),
    (870406, "Ashton Meadows Primary School", "Community school", "Primary", "Bristol, City of", "South West", "Bristol", "BS3 2HQ"),
    (870407, "Bedminster Ridge School", "Academy converter", "Secondary", "Bristol, City of", "South West", "Bristol", "BS13 7DQ"),
    (870408, "Hanham Abbots Academy", "Academy converter", "Secondary", "South Gloucestershire", "South West", "Bristol", "BS15 3LA"),
    (870409, "Henleaze Vale School", "Community special school", "Special", "Bristol, City of", "South West", "Bristol", "BS9 4LR"),
    (870410, "Portishead Marina Primary School", "Community school", "Primary", "North Somerset", "South West", "Portishead", "BS20 6BQ"),
]  # fmt: skip


def seed(log) -> None:
    created = 0
    for (
        urn,
        name,
        establishment_type,
        phase,
        local_authority,
        region,
        town,
        postcode,
    ) in DEMO_SCHOOLS:
        _, was_created = School.objects.get_or_create(
            urn=urn,
            defaults={
                "name": name,
                "establishment_type": establishment_type,
                "phase": phase_from_register(phase, establishment_type),
                "local_authority": local_authority,
                "region": region,
                "town": town,
                "postcode": postcode,
                "status": OPEN,
                "is_open": True,
            },
        )
        created += was_created
    log(f"{created} schools created, {len(DEMO_SCHOOLS) - created} already there")
