import type { DictionaryEntity } from './matching';

/**
 * A large, realistic-looking entity dictionary and an article to run it over, generated
 * deterministically for the performance test and `bench/entity-matching.bench.ts`. Not used
 * by the application.
 *
 * Entities: 60% people (first name × surname, some with two surnames; aliases with titles
 * and initials, so surnames are shared by dozens of people as in a real archive), 20%
 * organizations with acronyms, 15% places ("San", "El", "Los"…), 5% laws and events.
 * Every entity has exactly `aliasesPerEntity` aliases.
 */
export function generatedEntities({ count, aliasesPerEntity }: { count: number; aliasesPerEntity: number }): DictionaryEntity[] {
  const entities: DictionaryEntity[] = [];
  for (let index = 0; index < count; index++) {
    // Each kind is numbered on its own, so every combination of its word lists gets used.
    const [share, round] = [index % 20, Math.floor(index / 20)];
    const [type, [name, forms]] =
      share < 12
        ? (['person', person(round * 12 + share)] as const)
        : share < 16
          ? (['organization', organization(round * 4 + share - 12)] as const)
          : share < 19
            ? (['place', place(round * 3 + share - 16)] as const)
            : ([round % 2 === 0 ? 'topic' : 'event', lawOrEvent(round)] as const);
    entities.push({ id: index + 1, name, type, aliases: padded(forms, aliasesPerEntity, name) });
  }
  return entities;
}

/**
 * About `words` words of news prose: sentences of common words in which roughly one word in
 * twelve belongs to a mention of a dictionary entity (name or alias, sometimes possessive,
 * sometimes in a shouted headline), plus near misses such as "Salvadoran" and "us".
 */
export function generatedArticle({ entities, words, seed }: { entities: readonly DictionaryEntity[]; words: number; seed: number }): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences: string[] = [];
  let wordCount = 0;
  while (wordCount < words) {
    const entity = pick(entities);
    const mention = pick([entity.name, ...entity.aliases]);
    const shape = random();
    const sentence =
      shape < 0.05
        ? `${mention.toUpperCase()} ${pick(HEADLINE_TAILS)}`
        : `${pick(OPENERS)} ${shape < 0.3 ? `${mention}’s` : mention} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
    sentences.push(sentence);
    wordCount += sentence.split(/\s+/).length;
  }
  // Paragraphs of four sentences, as the editor's plain text separates blocks.
  return sentences.map((sentence, index) => (index % 4 === 3 ? `${sentence}\n\n` : `${sentence} `)).join('').trimEnd();
}

/** mulberry32: small and deterministic, so every run measures the same article. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Ana', 'Andrés', 'Beatriz', 'Carlos', 'Carmen', 'Daniel', 'Diana', 'Eduardo', 'Elena', 'Fernando', 'Gabriela', 'Gustavo',
  'Héctor', 'Irene', 'Javier', 'Julia', 'Karen', 'Luis', 'Lucía', 'Manuel', 'María', 'Mateo', 'Nadia', 'Óscar', 'Patricia',
  'Pedro', 'Raúl', 'Rosa', 'Sergio', 'Silvia', 'Tomás', 'Valeria', 'Víctor', 'Ximena', 'Yolanda', 'Zoe', 'James', 'Sarah',
  'Michael', 'Emily', 'David', 'Laura', 'Robert', 'Hannah', 'Thomas', 'Grace', 'William', 'Chloe', 'Samuel', 'Olivia',
  'Kwame', 'Amara', 'Hiroshi', 'Mei', 'Ravi', 'Priya', 'Omar', 'Leila', 'Pavel', 'Ingrid',
];
const SURNAMES = [
  'García', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores',
  'Gómez', 'Morales', 'Vásquez', 'Reyes', 'Jiménez', 'Torres', 'Díaz', 'Castillo', 'Mejía', 'Rivera', 'Ortiz', 'Aguilar',
  'Mendoza', 'Guzmán', 'Romero', 'Navarro', 'Quintanilla', 'Alvarado', 'Fuentes', 'Smith', 'Johnson', 'Williams', 'Brown',
  'Miller', 'Wilson', 'Anderson', 'Thompson', 'Harris', 'Clarke', 'Lewis', 'Walker', 'Hall', 'Young', 'King', 'Wright',
  'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell',
  'Parker', 'Evans', 'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Okafor', 'Mensah', 'Tanaka',
  'Nakamura', 'Patel', 'Sharma', 'Haddad', 'Khalil', 'Novak', 'Kowalski', 'Larsen', 'Nilsson', 'Øverby', 'Łukasik',
];
const TITLES = ['President', 'Minister', 'Senator', 'Governor', 'Mayor', 'Judge', 'General', 'Director', 'Ambassador', 'Deputy'];
const ADJECTIVES = ['National', 'Central', 'Federal', 'Regional', 'Municipal', 'Independent', 'United', 'Popular', 'Democratic', 'Civic'];
const TOPICS = [
  'Water', 'Energy', 'Health', 'Education', 'Agriculture', 'Finance', 'Transport', 'Housing', 'Labour', 'Justice', 'Defence',
  'Tourism', 'Fisheries', 'Mining', 'Culture', 'Environment', 'Security', 'Migration', 'Trade', 'Telecommunications',
  'Forestry', 'Sport', 'Science', 'Aviation', 'Ports', 'Railways', 'Elections', 'Statistics', 'Pensions', 'Customs',
  'Veterans', 'Youth', 'Women', 'Indigenous Affairs', 'Public Works', 'Civil Protection', 'Consumer Affairs',
  'Human Rights', 'Land Reform', 'Digital Affairs',
];
const ORGANIZATION_KINDS = ['Institute', 'Commission', 'Council', 'Authority', 'Agency', 'Union', 'Association', 'Foundation', 'Board', 'Party'];
const PLACE_PREFIXES = ['San', 'Santa', 'El', 'La', 'Los', 'Las', 'Puerto', 'Villa', 'Nueva', 'Lake'];
const PLACE_BASES = [
  'Miguel', 'Lorenzo', 'Rosario', 'Progreso', 'Naranjos', 'Altos', 'Cedros', 'Pinos', 'Esperanza', 'Carmen', 'Remedios',
  'Cruz', 'Tecla', 'Ana', 'Vicente', 'Marcos', 'Isidro', 'Pedro', 'Juan', 'Tomás', 'Benito', 'Palmar', 'Sauce', 'Arenal',
  'Cayos', 'Robles', 'Encinos', 'Olivos', 'Mangos', 'Laureles', 'Quetzal', 'Jaguar', 'Volcán', 'Valle', 'Llano', 'Cerro',
  'Río', 'Mar', 'Sol', 'Luna', 'Triunfo', 'Refugio', 'Milagro', 'Rincón', 'Paraíso', 'Porvenir', 'Bosque', 'Puente',
  'Caracol', 'Tigre', 'Coyol', 'Jocotal', 'Zapote', 'Amate', 'Ceiba', 'Guayabo', 'Nance', 'Tempisque', 'Mamey', 'Chile',
];
const PLACE_SUFFIXES = ['', 'del Norte', 'del Sur', 'de Arriba', 'de Abajo', 'Viejo', 'Nuevo'];
const LAW_KINDS = ['Act', 'Reform Act', 'Protection Act', 'Summit', 'Accord', 'Conference'];

function person(index: number): [string, string[]] {
  const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const row = Math.floor(index / FIRST_NAMES.length);
  const surname = SURNAMES[row % SURNAMES.length]!;
  const second = row >= SURNAMES.length ? SURNAMES[(row * 7 + index) % SURNAMES.length]! : '';
  const surnames = second && second !== surname ? `${surname} ${second}` : surname;
  const title = TITLES[index % TITLES.length]!;
  const name = `${first} ${surnames}`;
  const formerTitle = TITLES[(index + 3) % TITLES.length]!;
  return [name, [surname, `${title} ${surname}`, `${title} ${name}`, `${first[0]}. ${surnames}`, `former ${formerTitle} ${name}`]];
}

function organization(index: number): [string, string[]] {
  const adjective = ADJECTIVES[index % ADJECTIVES.length]!;
  const topic = TOPICS[Math.floor(index / ADJECTIVES.length) % TOPICS.length]!;
  const kind = ORGANIZATION_KINDS[Math.floor(index / (ADJECTIVES.length * TOPICS.length)) % ORGANIZATION_KINDS.length]!;
  const name = `${adjective} ${topic} ${kind}`;
  const acronym = name.split(' ').map((word) => word[0]).join('');
  return [name, [acronym, `${topic} ${kind}`, `${kind} of ${topic}`, `${adjective} ${kind} for ${topic}`, `Ministry of ${topic}`]];
}

function place(index: number): [string, string[]] {
  const prefix = PLACE_PREFIXES[index % PLACE_PREFIXES.length]!;
  const base = PLACE_BASES[Math.floor(index / PLACE_PREFIXES.length) % PLACE_BASES.length]!;
  const suffix = PLACE_SUFFIXES[Math.floor(index / (PLACE_PREFIXES.length * PLACE_BASES.length)) % PLACE_SUFFIXES.length]!;
  const name = suffix ? `${prefix} ${base} ${suffix}` : `${prefix} ${base}`;
  return [name, [`Municipality of ${name}`, `${name} Department`, `Port of ${name}`, `${name} Valley`, `City of ${name}`]];
}

function lawOrEvent(index: number): [string, string[]] {
  const topic = TOPICS[index % TOPICS.length]!;
  const kind = LAW_KINDS[Math.floor(index / TOPICS.length) % LAW_KINDS.length]!;
  const year = 1950 + (index % 75);
  const name = `${topic} ${kind} of ${year}`;
  return [name, [`${topic} ${kind}`, `${year} ${topic} ${kind}`, `the ${topic} ${kind}`, `${kind} on ${topic}`, `${topic} ${kind} (${year})`]];
}

/** Exactly `count` aliases: duplicates of the name or of each other are replaced by numbered variants. */
function padded(forms: string[], count: number, name: string): string[] {
  const aliases: string[] = [];
  for (const form of forms) if (form !== name && !aliases.includes(form)) aliases.push(form);
  for (let variant = 2; aliases.length < count; variant++) aliases.push(`${name} ${variant}`);
  return aliases.slice(0, count);
}

const OPENERS = ['On Tuesday,', 'According to officials,', 'In a statement,', 'Speaking to reporters,', 'Last year', 'Since March', 'As expected,', 'Separately,'];
const VERBS = ['announced', 'rejected', 'questioned', 'defended', 'criticised', 'approved', 'reviewed', 'welcomed', 'disputed', 'delayed'];
const OBJECTS = [
  'the revised budget', 'a plan to close two clinics', 'new figures on Salvadoran exports', 'the contract with the bus operator',
  'a report on water shortages', 'the proposal sent to us by the ministry', 'an inquiry into the flooding', 'USB drives seized in the raid',
];
const TAILS = ['after a long meeting', 'despite protests outside', 'for the second time this year', 'without a formal vote', 'citing the cost of energy'];
const HEADLINE_TAILS = ['SPEAKS OUT', 'UNDER PRESSURE', 'WINS VOTE', 'FACES INQUIRY'];
