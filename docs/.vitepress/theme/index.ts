/** The default VitePress theme with KaTeX's stylesheet (the markdown renders math to KaTeX HTML at build time). */
import DefaultTheme from 'vitepress/theme';
import 'katex/dist/katex.min.css';
import './custom.css';

export default DefaultTheme;
