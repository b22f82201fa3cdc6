import { render } from 'preact';
import '../../components/theme.css';
import { OptionsPage } from '../../components/OptionsPage';

render(<OptionsPage />, document.getElementById('app')!);
