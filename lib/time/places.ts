/**
 * Places that name a venue's zone: the tie-breaker among zones an abbreviation allows ("CST" in
 * "Shanghai, China" is Asia/Shanghai), and the zone of a schema.org address whose city is an
 * IANA zone's city ("Vienna", AT) when a page gives times without any offset.
 */

/** Places that name a zone without being its city ("Shanghai, China" → Asia/Shanghai). */
const PLACES: Record<string, string[]> = {
  'Asia/Shanghai': ['China', 'Beijing', 'Shenzhen', 'Hangzhou', 'Guangzhou'],
  'Asia/Taipei': ['Taiwan'],
  'America/Chicago': ['Texas', 'Austin', 'Dallas', 'Houston', 'Minneapolis', 'Nashville', 'New Orleans', 'Kansas City'],
  'America/Mexico_City': ['Mexico', 'Guadalajara', 'Monterrey'],
  'America/Havana': ['Cuba'],
  'America/New_York': ['Pittsburgh', 'Boston', 'Washington', 'Philadelphia', 'Atlanta', 'Miami', 'Detroit'],
  'America/Los_Angeles': ['California', 'San Francisco', 'San Jose', 'Seattle', 'Portland', 'Las Vegas', 'San Diego'],
  'Asia/Kolkata': ['India', 'Bangalore', 'Bengaluru', 'Mumbai', 'Delhi', 'Hyderabad', 'Chennai', 'Pune'],
  'Europe/Dublin': ['Ireland'],
  'Asia/Jerusalem': ['Israel', 'Tel Aviv'],
  // CET/EET countries: every candidate agrees on the clock, but the venue's own zone reads better.
  'Europe/Rome': [
    'Italy',
    'Italia',
    'Milan',
    'Milano',
    'Turin',
    'Torino',
    'Bologna',
    'Florence',
    'Firenze',
    'Naples',
    'Napoli',
  ],
  'Europe/Madrid': ['Spain', 'España', 'Barcelona', 'Bilbao', 'Málaga', 'Seville', 'Sevilla'],
  'Europe/Paris': ['France', 'Lyon', 'Lille', 'Nantes', 'Toulouse', 'Marseille', 'Bordeaux'],
  'Europe/Amsterdam': ['Netherlands', 'Nederland', 'Rotterdam', 'Utrecht', 'The Hague', 'Den Haag', 'Eindhoven'],
  'Europe/Berlin': [
    'Germany',
    'Deutschland',
    'Munich',
    'München',
    'Hamburg',
    'Cologne',
    'Köln',
    'Frankfurt',
    'Stuttgart',
    'Bonn',
    'Leipzig',
    'Dresden',
  ],
  'Europe/Vienna': ['Austria', 'Österreich', 'Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck'],
  'Europe/Zurich': ['Switzerland', 'Schweiz', 'Suisse', 'Geneva', 'Genève', 'Basel', 'Bern', 'Lausanne'],
  'Europe/Brussels': ['Belgium', 'België', 'Belgique', 'Antwerp', 'Antwerpen', 'Ghent', 'Gent', 'Leuven'],
  'Europe/Prague': ['Czechia', 'Czech Republic', 'Praha', 'Brno'],
  'Europe/Warsaw': [
    'Poland',
    'Polska',
    'Kraków',
    'Krakow',
    'Wrocław',
    'Wroclaw',
    'Gdańsk',
    'Gdansk',
    'Poznań',
    'Poznan',
  ],
  'Europe/Stockholm': ['Sweden', 'Sverige', 'Gothenburg', 'Göteborg', 'Malmö'],
  'Europe/Copenhagen': ['Denmark', 'Danmark', 'Aarhus'],
  'Europe/Oslo': ['Norway', 'Norge', 'Trondheim'],
  'Europe/Budapest': ['Hungary'],
  'Europe/Belgrade': ['Serbia', 'Novi Sad'],
  'Europe/Athens': ['Greece', 'Thessaloniki'],
  'Europe/Helsinki': ['Finland', 'Espoo', 'Tampere'],
  'Europe/Bucharest': ['Romania', 'Cluj'],
  'Europe/Sofia': ['Bulgaria'],
  'Europe/Kyiv': ['Ukraine', 'Kiev'],
};

/** A whole-word, case-insensitive match that also works for names ending in a non-ASCII letter ("Malmö"). */
const wordPatterns = new Map<string, RegExp>();
function containsWord(text: string, word: string): boolean {
  let re = wordPatterns.get(word);
  if (!re) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    wordPatterns.set(word, (re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu')));
  }
  return re.test(text);
}

/** Whether a free-text place ("RAI, Amsterdam, Netherlands") names this zone's city or country. */
export function mentions(place: string, zone: string): boolean {
  const names = [zone.split('/').pop()!.replace(/_/g, ' '), ...(PLACES[zone] ?? [])];
  return names.some((n) => containsWord(place, n));
}

/** Country (ISO code or English name) → the IANA area of its zones, to reject "Vienna, VA, US" → Europe/Vienna. */
const AREAS: Record<string, string> = {};
for (const [area, countries] of Object.entries({
  America:
    'US|USA|United States|United States of America|CA|Canada|MX|Mexico|BR|Brazil|AR|Argentina|CL|Chile|CO|Colombia|PE|Peru|CU|Cuba',
  Europe:
    'GB|UK|United Kingdom|England|Scotland|Wales|Northern Ireland|IE|Ireland|FR|France|DE|Germany|AT|Austria|CH|Switzerland|IT|Italy|ES|Spain|PT|Portugal|NL|Netherlands|BE|Belgium|LU|Luxembourg|DK|Denmark|NO|Norway|SE|Sweden|FI|Finland|PL|Poland|CZ|Czechia|HU|Hungary|GR|Greece|RO|Romania|BG|Bulgaria|UA|Ukraine|RS|Serbia|HR|Croatia|SI|Slovenia|SK|Slovakia|EE|Estonia|LV|Latvia|LT|Lithuania|TR|Turkey',
  Asia: 'IN|India|CN|China|JP|Japan|KR|South Korea|SG|Singapore|HK|Hong Kong|TW|Taiwan|TH|Thailand|VN|Vietnam|ID|Indonesia|MY|Malaysia|PH|Philippines|IL|Israel|AE|United Arab Emirates',
  Australia: 'AU|Australia',
  Africa: 'ZA|South Africa|NG|Nigeria|KE|Kenya|EG|Egypt|MA|Morocco',
})) {
  for (const name of countries.split('|')) AREAS[name.toLowerCase()] = area;
}

/**
 * The IANA zone of an address whose city names one ("Vienna", AT → Europe/Vienna), only when
 * its country is known and lies in that zone's area: many cities share a name (Perth in
 * Scotland and in Australia, Vienna in Virginia), and times without an offset have nothing else
 * to catch a wrong pick. Null otherwise: the page then says its zone is not named.
 */
export function zoneFromAddress(
  city: string | null | undefined,
  country: string | null | undefined,
  zoneForCity: (city: string) => string | null,
): string | null {
  const zone = city ? zoneForCity(city) : null;
  const area = country ? AREAS[country.trim().toLowerCase()] : undefined;
  return zone && area !== undefined && zone.startsWith(`${area}/`) ? zone : null;
}
