import { resourceTypeSpec } from '../../../src/graph/resource-types.js';

/** A type's icon: its glyph on a tile of its colour, drawn as inline SVG. */
export function TypeIcon({ type, size = 18 }: { type: string; size?: number }) {
  const spec = resourceTypeSpec(type);
  const fontSize = spec.glyph.length > 3 ? 7 : spec.glyph.length > 2 ? 8.5 : 11;
  return (
    <svg
      className="type-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      role="img"
      aria-label={spec.label}
      data-icon={spec.icon}
    >
      <rect x="0.5" y="0.5" width="23" height="23" rx="5" fill={spec.colour} />
      <text
        x="12"
        y="12"
        dominantBaseline="central"
        textAnchor="middle"
        fill="#fff"
        fontSize={fontSize}
        fontWeight="700"
        fontFamily="system-ui, sans-serif"
      >
        {spec.glyph}
      </text>
    </svg>
  );
}
