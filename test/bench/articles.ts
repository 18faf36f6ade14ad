// Generated Markdown health articles for benchmarks: realistic paragraphs,
// headings, lists, links, footnotes and a few overclaims, repeated with a
// seeded shuffle until the wanted size.

const PARAGRAPHS = [
  'Ketamine is being studied as a fast-acting treatment for depression. In one large trial of adults with treatment-resistant depression, 55% responded to IV ketamine after three weeks (Anand et al., 2023). The benefit often fades within days to weeks, so many people need repeated infusions.',
  'Some clinics describe ketamine as a *miracle* for depression, and a few promise that relief is instant for everyone. The evidence is more modest: response rates in trials range widely, and remission is less common.[^1]',
  'Side effects during an infusion can include dissociation, nausea, dizziness and a rise in blood pressure. Most pass within an hour or two, but patients are monitored and should not drive until the next day.',
  'Psilocybin therapy may ease depressive symptoms in some adults for several weeks after a single guided session. Trials so far are small, and larger studies are needed before it can be recommended widely. See the [trial registry](https://clinicaltrials.gov/) for ongoing work.',
  'Research proves that TMS is among the most effective treatments ever studied, according to one clinic brochure. Independent reviews describe a moderate effect, with response in roughly a third to a half of patients.',
  'IV vitamin drips are marketed as a way to boost immunity and banish fatigue. There is little evidence that they help healthy people, and infusions carry a small risk of infection and vein irritation.',
  'Intermittent fasting can help some people lose weight, but it is not clearly better than other ways of cutting calories. People with diabetes should talk to their doctor first, because fasting can cause low blood sugar.',
  'CBD oil relieves anxiety, according to many product labels. Small trials suggest a possible effect at high doses, but products vary widely in what they contain, and some interact with other medicines.',
];
const HEADINGS = ['## What the research says', '## Side effects and safety', '## Who might benefit', '## Questions to ask your clinician', '## The bottom line'];
const LISTS = ['- Ask how many sessions you will need.\n- Ask what happens if it does not help.\n- Ask which side effects to watch for.', '1. Check your blood pressure.\n2. Arrange a ride home.\n3. Keep a mood diary for two weeks.'];

export function generateArticle(bytes: number, seed = 42): string {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const parts: string[] = ['# Treatments for depression: what the evidence says\n'];
  let size = parts[0]!.length;
  let n = 0;
  while (size < bytes) {
    const pick = random();
    const part = pick < 0.1 ? HEADINGS[Math.floor(random() * HEADINGS.length)]! : pick < 0.18 ? LISTS[Math.floor(random() * LISTS.length)]! : PARAGRAPHS[Math.floor(random() * PARAGRAPHS.length)]!;
    // Vary each paragraph a little so block caches cannot help the full-analysis benchmark.
    const text = `${part.replace(/\.$/, '')}${part.startsWith('#') || part.startsWith('-') || part.startsWith('1.') ? '' : ` (note ${n++}).`}\n`;
    parts.push(text);
    size += text.length + 1;
  }
  parts.push('[^1]: Han Y et al. Efficacy of ketamine in the rapid treatment of major depressive disorder. Neuropsychiatr Dis Treat 2016;12:2859-2867.\n');
  return parts.join('\n');
}
