/** What fills the space between the header and the status line: the screen, or an overlay over it. */
import type { UiState } from '../ui-state.js';
import { openChoices, searchHits } from '../../explorer/search.js';
import { ChoiceList } from './ChoiceList.js';
import { CompareView } from './CompareView.js';
import { CouncilView } from './CouncilView.js';
import { CountryView } from './CountryView.js';
import { DealComposer } from './DealComposer.js';
import { DiffView } from './DiffView.js';
import { ErrorPanel } from './ErrorPanel.js';
import { HelpOverlay } from './HelpOverlay.js';
import { SeatSetPicker } from './SeatSetPicker.js';
import { SourcesPane } from './SourcesPane.js';
import { TimelineView } from './TimelineView.js';
import { TransferPicker } from './TransferPicker.js';

export function ScreenBody({ ui, width, height }: { readonly ui: UiState; readonly width: number; readonly height: number }) {
  const overlay = ui.overlay;
  if (overlay?.kind === 'help') return <HelpOverlay context={ui.screen} width={width} height={height} />;
  if (overlay?.kind === 'seats') return <SeatSetPicker ui={ui} cursor={overlay.cursor} width={width} height={height} />;
  if (overlay?.kind === 'transfer') return <TransferPicker session={ui.session} council={overlay.council} from={overlay.from} cursor={overlay.cursor} width={width} height={height} />;
  if (overlay?.kind === 'sources') return <SourcesPane ui={ui} council={overlay.council} {...(overlay.unit !== undefined ? { unit: overlay.unit } : {})} scroll={overlay.scroll} width={width} height={height} />;
  if (overlay?.kind === 'prompt' && overlay.purpose === 'open') {
    const items = openChoices(ui.recent, overlay.text).map((choice) => choice.label);
    return <ChoiceList title="Open a scenario: recent files, then the bundled scenarios (or type a path)" items={items} cursor={overlay.cursor ?? 0} width={width} height={height} empty="No match: enter opens the path as typed." />;
  }
  if (overlay?.kind === 'prompt' && overlay.purpose === 'search') {
    const items = searchHits(ui.session, overlay.text).map((hit) => hit.label);
    return <ChoiceList title="Find a council, unit or party (enter opens the council, the unit under the cursor)" items={items} cursor={overlay.cursor ?? 0} width={width} height={height} empty={overlay.text.trim() === '' ? 'Type part of a name or id: najaf, badr, sadr, quota…' : 'Nothing matches.'} />;
  }
  if (overlay?.kind === 'error') return <ErrorPanel title={overlay.title} lines={overlay.lines} width={width} height={height} />;
  switch (ui.screen) {
    case 'country':
      return <CountryView ui={ui} width={width} height={height} />;
    case 'council':
      return <CouncilView ui={ui} width={width} height={height} />;
    case 'deal':
      return <DealComposer ui={ui} width={width} height={height} />;
    case 'timeline':
      return <TimelineView ui={ui} width={width} height={height} />;
    case 'diff':
      return <DiffView ui={ui} width={width} height={height} />;
    case 'compare':
      return <CompareView ui={ui} width={width} height={height} />;
  }
}
