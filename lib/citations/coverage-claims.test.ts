import { describe, expect, it } from 'vitest';
import { detectClaimKinds, type ClaimKind } from './coverage-claims';

type Row = { sentence: string; kinds: ClaimKind[] };

const FLAGGED_FIGURES: Row[] = [
  { sentence: 'The administration sent 261 people to the prison.', kinds: ['figure'] },
  { sentence: 'Border agents detained more than 200 immigrants at the crossing.', kinds: ['figure'] },
  { sentence: 'The program offers 10,000 visas for farm workers.', kinds: ['figure'] },
  { sentence: 'The prison can hold 40,000 inmates.', kinds: ['figure'] },
  { sentence: 'Ten more people were sent to the camp.', kinds: ['figure'] },
  { sentence: 'Rescuers pulled ten more survivors from the rubble.', kinds: ['figure'] },
  { sentence: 'Dozens of families gathered outside the courthouse.', kinds: ['figure'] },
  { sentence: 'Hundreds of teachers marched through the capital.', kinds: ['figure'] },
  { sentence: 'Tens of thousands of fans filled the stadium.', kinds: ['figure'] },
  { sentence: 'About 2.5 million Salvadorans live abroad.', kinds: ['figure'] },
  { sentence: 'The 29-year-old had a work permit.', kinds: ['figure'] },
  { sentence: 'Inmates are kept in their cells 24 hours a day.', kinds: ['figure'] },
  { sentence: 'The storm damaged a dozen schools.', kinds: ['figure'] },
  { sentence: 'The council approved twenty-three new bus routes.', kinds: ['figure'] },
  { sentence: 'The flood destroyed some 1,500 hectares of maize.', kinds: ['figure'] },
  { sentence: 'The new line runs for 12km under the river.', kinds: ['figure'] },
  { sentence: 'More than 1500 workers joined the strike.', kinds: ['figure'] },
  { sentence: 'The Greens won 14 seats in the regional assembly.', kinds: ['figure'] },
  { sentence: 'The storm killed at least seven people.', kinds: ['figure'] },
  { sentence: 'The temperature reached 45C in Seville.', kinds: ['figure'] },
  { sentence: 'He was sentenced to 15 years in prison.', kinds: ['figure'] },
];

const FLAGGED_MONEY: Row[] = [
  { sentence: 'The United States paid El Salvador $6 million.', kinds: ['money'] },
  { sentence: 'Exports to the United States reached $2.1 billion.', kinds: ['money'] },
  { sentence: 'Each detainee costs the county US$500 a night.', kinds: ['money'] },
  { sentence: 'The club was fined 6 million dollars.', kinds: ['money'] },
  { sentence: 'Tickets for the exhibition cost €20.', kinds: ['money'] },
  { sentence: 'The bank set aside £1.5bn for compensation.', kinds: ['money'] },
  { sentence: "The mayor's office will spend a million dollars on repairs.", kinds: ['money'] },
  { sentence: 'The ministry owes contractors 40m pesos.', kinds: ['money'] },
];

const FLAGGED_PERCENTAGES: Row[] = [
  { sentence: 'Remittances equalled 23 percent of gross domestic product.', kinds: ['percentage'] },
  { sentence: 'Washington imposed a 10% tariff on the goods.', kinds: ['percentage'] },
  { sentence: 'Unemployment in the north rose to 14 per cent.', kinds: ['percentage'] },
  { sentence: 'Rents have risen by a tenth.', kinds: ['percentage'] },
  { sentence: "A third of the city's buses are out of service.", kinds: ['percentage'] },
  { sentence: 'One in five adults has no bank account.', kinds: ['percentage'] },
  { sentence: "The party's support fell by 3.5 percentage points.", kinds: ['percentage'] },
  { sentence: 'More than half of the nurses voted to strike.', kinds: ['percentage'] },
];

const FLAGGED_DATES: Row[] = [
  { sentence: 'The law was invoked on 15 March.', kinds: ['date'] },
  { sentence: 'Rubio announced the flights on Sunday, 13 April.', kinds: ['date', 'attribution'] },
  { sentence: 'Protests began in late March.', kinds: ['date'] },
  { sentence: 'The committee meets again on Monday.', kinds: ['date'] },
  { sentence: 'The bridge reopened on March 15, 2025.', kinds: ['date'] },
  { sentence: 'The two leaders first met in September 2019.', kinds: ['date'] },
  { sentence: 'The minister resigned last week.', kinds: ['date'] },
  { sentence: 'Bukele won re-election in 2024 by a wide margin.', kinds: ['date'] },
  { sentence: 'The plant has been closed since 2019.', kinds: ['date'] },
  { sentence: 'The contract runs until June.', kinds: ['date'] },
  { sentence: 'The mayor stepped down three weeks ago.', kinds: ['date'] },
  { sentence: 'Between 2015 and 2020, the population doubled.', kinds: ['date'] },
];

const FLAGGED_QUOTATIONS: Row[] = [
  { sentence: 'Miller said there would be "no upper limit" on deportations.', kinds: ['quotation', 'attribution'] },
  { sentence: 'The administration called it an “administrative error”.', kinds: ['quotation'] },
  { sentence: '“We will not return him,” the president told reporters.', kinds: ['quotation', 'attribution'] },
  { sentence: 'He said: “We will. We must.”', kinds: ['quotation', 'attribution'] },
  { sentence: "The union's leaflet promised ‘a fair deal for every driver’.", kinds: ['quotation'] },
  { sentence: '"No upper limit." — Stephen Miller, on deportations', kinds: ['quotation'] },
  { sentence: 'A banner outside the court read «no más presos políticos».', kinds: ['quotation'] },
  { sentence: 'The judge called the delay “unacceptable”.', kinds: ['quotation'] },
  { sentence: 'Critics call the plan a "giveaway".', kinds: ['quotation'] },
  { sentence: 'Residents described the water as "brown and smelly".', kinds: ['quotation', 'attribution'] },
];

const FLAGGED_ATTRIBUTIONS: Row[] = [
  { sentence: 'Bukele said he would not return him.', kinds: ['attribution'] },
  { sentence: 'The economy grew strongly, according to the central bank.', kinds: ['attribution'] },
  { sentence: 'The minister told reporters the talks had failed.', kinds: ['attribution'] },
  { sentence: 'Rubio announced their arrival.', kinds: ['attribution'] },
  { sentence: 'Analysts estimated that the drought cut the harvest.', kinds: ['attribution'] },
  { sentence: 'The Guardian reported that the names were withheld.', kinds: ['attribution'] },
  { sentence: 'The company denied any wrongdoing.', kinds: ['attribution'] },
  { sentence: 'The ministry confirmed the closure.', kinds: ['attribution'] },
  { sentence: 'Rights groups say detainees lack due process.', kinds: ['attribution'] },
  { sentence: 'Opposition leaders argued the bill was rushed.', kinds: ['attribution'] },
  { sentence: 'The police chief acknowledged mistakes had been made.', kinds: ['attribution'] },
  { sentence: 'The mayor claimed the budget was balanced.', kinds: ['attribution'] },
  { sentence: 'Rights groups report that prisoners are kept in their cells.', kinds: ['attribution'] },
  { sentence: 'The senator stated that she would vote against the bill.', kinds: ['attribution'] },
  { sentence: 'The suspect is said to have fled abroad.', kinds: ['attribution'] },
  { sentence: 'The rebels reportedly seized the airport.', kinds: ['attribution'] },
  { sentence: 'The governor rejected the request, saying the state could not afford it.', kinds: ['attribution'] },
  { sentence: 'Sources close to the talks told Reuters that a deal was near.', kinds: ['attribution'] },
  { sentence: 'The minister was quoted as saying the talks had collapsed.', kinds: ['attribution'] },
];

const NOT_FIGURES: string[] = [
  'The gang known as MS-13 operates across Central America.',
  'The State Department lowered its advisory to Level One.',
  'Platforms are shielded by Section 230.',
  'COVID-19 closed schools across the region.',
  'The motel sits on Route 66.',
  'The airline grounded its Boeing 737 fleet.',
  'Bukele spoke at the 74th UN General Assembly.',
  'He is one of the most popular leaders in the region.',
  'The two leaders shook hands.',
  'He was the only one to vote against.',
  'The briefing starts at 3 p.m.',
  'The ruling is on page 12 of the judgment.',
  'The bill amends article 5 of the constitution.',
  'Residents remember the floods of the 1990s.',
  'The network rolled out 5G in the capital.',
  'Three ministers attended the ceremony.',
  'The prime minister lives at No. 10 Downing Street.',
  'The Big Ten conference postponed the season.',
  'Volunteers staffed the hotline 24/7 during the campaign.',
  'The attacks of 9/11 changed airport security.',
  'The iPhone 15 sold out within hours.',
  'The firm filed for Chapter 11 protection.',
];

const NOT_PERCENTAGES: string[] = [
  'Bukele is seeking a third term.',
  'In the second half of the match, the visitors scored twice.',
  'The prison payment is a small fraction of what Salvadorans abroad send home.',
];

const NOT_DATES: string[] = [
  'The 2019 agreement let Washington send asylum seekers to El Salvador.',
  'The 1798 law was written for wartime.',
  "Monday's meeting was tense.",
  'The president is in Washington today.',
  'Protesters plan to march on the capital.',
  'May brought the bill back to parliament.',
];

const NOT_QUOTATIONS: string[] = [
  "Officials toured the so-called 'mega-prison'.",
  'Critics dislike the term “mega-prison”.',
  'The magazine "The New Yorker" ran the profile.',
  "It's the prisoners' families who wait outside.",
];

const NOT_ATTRIBUTIONS: string[] = [
  'The said agreement expired.',
  'That said, the plan has support in the capital.',
  'All told, the journey took a day.',
  'The project went according to plan.',
  'The reports describe the group in looser terms.',
  'Citizens want a say in the budget.',
  'The stated aim of the policy is to cut crime.',
  "The ministry's stated policy is to deport offenders.",
  'The United States and El Salvador have close ties.',
  'It goes without saying that the visit matters.',
  "A report on the law's use was published.",
  'Neither claim can be checked case by case.',
  'The film tells the story of a family in exile.',
  'Officials have yet to say when the road will reopen.',
  'Riders were not told in advance.',
  'Families were never told where the men were taken.',
];

describe('detectClaimKinds: sentences that make claims', () => {
  describe.each([
    { group: 'figures', rows: FLAGGED_FIGURES },
    { group: 'money', rows: FLAGGED_MONEY },
    { group: 'percentages', rows: FLAGGED_PERCENTAGES },
    { group: 'dates of events', rows: FLAGGED_DATES },
    { group: 'quotations', rows: FLAGGED_QUOTATIONS },
    { group: 'attributions', rows: FLAGGED_ATTRIBUTIONS },
  ])('$group', ({ rows }) => {
    it.each(rows)('$sentence', ({ sentence, kinds }) => {
      expect(detectClaimKinds(sentence)).toEqual(kinds);
    });
  });
});

describe('detectClaimKinds: sentences that make no claim', () => {
  describe.each([
    { group: 'numbers that are not figures', sentences: NOT_FIGURES },
    { group: 'shares that are not percentages', sentences: NOT_PERCENTAGES },
    { group: 'dates that do not date an event', sentences: NOT_DATES },
    { group: 'quoted terms and titles', sentences: NOT_QUOTATIONS },
    { group: 'words that are not attribution', sentences: NOT_ATTRIBUTIONS },
  ])('$group', ({ sentences }) => {
    it.each(sentences)('%s', (sentence) => {
      expect(detectClaimKinds(sentence)).toEqual([]);
    });
  });
});

describe('detectClaimKinds: sentences with several kinds', () => {
  it('lists every kind once, in the fixed order', () => {
    const sentence =
      'On 15 March, the administration sent 261 people to CECOT and paid $6 million, 10 percent more than planned, the report said, calling it “a fair price”.';

    expect(detectClaimKinds(sentence)).toEqual(['figure', 'money', 'percentage', 'date', 'quotation', 'attribution']);
  });

  it('reads the day and year of a date as the date, not as figures', () => {
    expect(detectClaimKinds('The meeting took place on 14 April 2025.')).toEqual(['date']);
  });

  it('reads the amount of money as money, not as a figure', () => {
    expect(detectClaimKinds('Remittances reached $8.5 billion in 2024.')).toEqual(['money', 'date']);
  });
});
