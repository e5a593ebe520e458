/**
 * Vue's JSX types (vue/jsx-runtime) come from a Babel plugin world where children are turned
 * into slots before type checking. With TypeScript's own `react-jsx` transform they arrive as
 * a `children` prop: an element's child nodes, or a component's slot object. Declared here so
 * components can be written as TSX without a compiler plugin.
 */
import 'vue/jsx-runtime';
import '@vue/runtime-dom';

declare module 'vue/jsx-runtime' {
  namespace JSX {
    interface IntrinsicAttributes {
      children?: unknown;
    }
  }
}

declare module '@vue/runtime-dom' {
  interface HTMLAttributes {
    children?: unknown;
  }
  interface SVGAttributes {
    children?: unknown;
  }
}
