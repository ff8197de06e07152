import type { DictionaryEntity } from './matching';

/**
 * Hand-labelled test articles for entity matching, written for these tests (not from the
 * demo newsroom the dictionary of the app was built with), with a small dictionary invented
 * for them. A label is `[[text|Entity name]]`, or `[[text|Entity A|Entity B]]` where the form
 * belongs to several entities and the writer must choose; `[[Name]]` when the text is the name.
 *
 * The key labels every occurrence of a name or alias that refers to the entity, with the span
 * a correct matcher must give (the longest form written). Descriptions ("the governor") and
 * pronouns are outside the task. The traps are deliberate: "us", "Us?", "USB", "BUS",
 * "American", lowercase "volcano" and "water law", a title-cased subheading, a dateline and a
 * headline in capitals, accents dropped ("Ibanez"), a non-breaking hyphen, possessives.
 */
export const LABELLED_DICTIONARY: DictionaryEntity[] = [
  { id: 1, name: 'Teresa Valdés', type: 'person', aliases: ['Valdés', 'Governor Valdés', 'Governor Teresa Valdés'] },
  { id: 2, name: 'Rafael Ibáñez', type: 'person', aliases: ['Ibáñez', 'Mayor Ibáñez', 'Mayor Rafael Ibáñez'] },
  { id: 3, name: 'Miriam Castellanos', type: 'person', aliases: ['Judge Castellanos', 'Judge Miriam Castellanos', 'Castellanos'] },
  { id: 4, name: 'Hugo Castellanos', type: 'person', aliases: ['Castellanos'] },
  { id: 5, name: 'Owen Whitfield', type: 'person', aliases: ['Whitfield', 'Senator Whitfield', 'Sen. Owen Whitfield'] },
  { id: 6, name: 'Miguel Ferrer', type: 'person', aliases: ['Ferrer', 'Dr. Ferrer'] },
  { id: 7, name: 'National Water Commission', type: 'organization', aliases: ['NWC', 'Water Commission'] },
  { id: 8, name: 'Association of Independent Mayors', type: 'organization', aliases: ['AIM'] },
  { id: 9, name: 'Barrio 18', type: 'organization', aliases: ['B-18', '18th Street gang'] },
  { id: 10, name: 'American Civil Liberties Union', type: 'organization', aliases: ['ACLU'] },
  { id: 11, name: 'Department of Homeland Security', type: 'organization', aliases: ['DHS'] },
  { id: 12, name: 'San Lorenzo', type: 'place', aliases: [] },
  { id: 13, name: 'El Progreso', type: 'place', aliases: [] },
  { id: 14, name: 'Los Naranjos', type: 'place', aliases: [] },
  { id: 15, name: 'San Miguel', type: 'place', aliases: [] },
  { id: 16, name: 'Santa Ana', type: 'place', aliases: [] },
  { id: 17, name: 'Santa Ana Volcano', type: 'place', aliases: ['Santa Ana', 'Ilamatepec'] },
  { id: 18, name: 'United States', type: 'place', aliases: ['U.S.', 'US', 'America'] },
  { id: 19, name: 'Lempa River', type: 'place', aliases: ['Lempa', 'Río Lempa'] },
  { id: 20, name: 'Texas', type: 'place', aliases: [] },
  { id: 21, name: 'El Paso', type: 'place', aliases: [] },
  { id: 22, name: 'Alien Enemies Act', type: 'topic', aliases: ['Alien Enemies Act of 1798'] },
  { id: 23, name: 'Water Security Law', type: 'topic', aliases: [] },
  { id: 24, name: "America's Cup", type: 'event', aliases: [] },
];

export const LABELLED_ARTICLES: Record<string, string> = {
  drought: `[[VALDÉS|Teresa Valdés]] ORDERS RATIONING AS [[LEMPA|Lempa River]] RUNS LOW

Water Rationing Begins in [[San Lorenzo]] as [[Governor Valdés|Teresa Valdés]] Declares an Emergency

[[SAN LORENZO|San Lorenzo]] — [[Governor Teresa Valdés|Teresa Valdés]] on Tuesday ordered water rationing in [[San Lorenzo]] and two neighbouring towns, [[El Progreso]] and [[Los Naranjos]], after the [[Lempa River]] fell to its lowest level in four decades.

The order, which takes effect on Monday, limits households to 50 litres a day. [[Valdés|Teresa Valdés]] said the measure was temporary. “Nobody wants this, but the river is telling us something,” she told reporters.

[[Mayor Rafael Ibáñez|Rafael Ibáñez]] of [[San Lorenzo]] said the city had not been consulted. [[Ibanez|Rafael Ibáñez]], who chairs the [[Association of Independent Mayors]] ([[AIM|Association of Independent Mayors]]), called the decision “a plan made in an office, far from the taps.” The aim, he said, should be to share the burden between cities and the sugar mills upstream. “Us? Nobody asked us,” said a farmer in [[Los Naranjos]].

Figures from the [[National Water Commission]] ([[NWC|National Water Commission]]) show that the [[Lempa|Lempa River]] has carried 38 percent less water than usual since January. The commission’s director, Dr. [[Miguel Ferrer]], said wells in [[San Miguel]] and [[Santa Ana|Santa Ana|Santa Ana Volcano]] were also falling. [[Ferrer|Miguel Ferrer]]’s team has asked farmers on the slopes of the [[Santa Ana|Santa Ana|Santa Ana Volcano]] volcano to stop irrigating at night. Engineers now copy readings from USB loggers by hand because the telemetry network, paid for with [[US|United States]] aid in 2019, has not been repaired.

[[Governor Valdés|Teresa Valdés]] wants the state congress to pass the [[Water Security Law]] before the rainy season. The current water law dates from 1981 and, [[Ibáñez|Rafael Ibáñez]]’ allies say, favours the mills. “El progreso de la obra ha sido lento,” the commission’s own report says of the repairs.`,

  court: `A federal judge in [[Texas]] on Friday blocked the government from using the [[Alien Enemies Act]] to deport a group of Venezuelan men held near [[El Paso]], the second such ruling this month.

[[Judge Miriam Castellanos|Miriam Castellanos]] wrote that the law, invoked only in wartime, could not be stretched to cover members of a street gang. The [[American Civil Liberties Union]], which brought the case, said the ruling protected “everyone in [[America|United States]], not only the men in this room.” One of the plaintiffs is an American citizen’s husband.

The [[Department of Homeland Security]] said it would appeal. A [[DHS|Department of Homeland Security]] spokesperson said the men belonged to [[Barrio 18]], a gang the department calls [[B‑18|Barrio 18]] in its filings, and were a danger to the [[US|United States]] public. Lawyers for the men said several had lived in the [[U.S.|United States]] for more than a decade. Agents took some of them off a BUS bound for Dallas, according to the [[ACLU|American Civil Liberties Union]].

## Why the Act Matters to Us

[[Castellanos|Miriam Castellanos|Hugo Castellanos]], whose brother [[Hugo Castellanos]] leads the farmworkers’ union in [[El Progreso]], has ruled against the government before. [[Senator Whitfield|Owen Whitfield]] called her decision “a reminder that the act was written for enemy armies, not for us.” [[Owen Whitfield]], who has pushed to repeal the [[Alien Enemies Act of 1798|Alien Enemies Act]], said [[Whitfield|Owen Whitfield]]’s bill would get a hearing in the spring. The alien enemies provisions have been used three times in the country’s history.`,

  sailing: `The [[America’s Cup|America's Cup]] challenger series will open in [[San Miguel]] in March, [[Mayor Ibáñez|Rafael Ibáñez]] confirmed, the first time the regatta has come to the bay. Crews from the [[US|United States]], New Zealand and Italy arrive next month; BUS ONLY lanes will run from the port. “The america’s cup crowd spends money,” one hotel owner said, “and the cup is good for us.” The [[Water Commission|National Water Commission]] has promised the regatta will not draw on the [[Río Lempa|Lempa River]].`,
};

export type LabelledMention = { from: number; to: number; text: string; entityIds: number[] };

/** The article's text without labels, and where each label was. */
export function readLabels(article: string): { text: string; labels: LabelledMention[] } {
  const idsByName = new Map(LABELLED_DICTIONARY.map((entity) => [entity.name, entity.id]));
  const labels: LabelledMention[] = [];
  let text = '';
  let rest = article;
  for (let open = rest.indexOf('[['); open !== -1; open = rest.indexOf('[[')) {
    const close = rest.indexOf(']]', open);
    if (close === -1) throw new Error(`unclosed label after ${JSON.stringify(rest.slice(open, open + 30))}`);
    const [visible = '', ...names] = rest.slice(open + 2, close).split('|');
    text += rest.slice(0, open);
    const entityIds = (names.length > 0 ? names : [visible]).map((name) => {
      const id = idsByName.get(name.normalize('NFC'));
      if (id === undefined) throw new Error(`no entity named ${JSON.stringify(name)}`);
      return id;
    });
    labels.push({ from: text.length, to: text.length + visible.length, text: visible, entityIds });
    text += visible;
    rest = rest.slice(close + 2);
  }
  return { text: text + rest, labels };
}
