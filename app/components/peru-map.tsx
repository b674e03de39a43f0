// Draws a map of Peru prepared by regionMap/flowMap (app/utils/peru-map.server.ts) in the loader:
// plain SVG, no script. Each region is a <use> of its outline in the shared file map.sprite. The figure is one image for screen readers (its title and description);
// the page puts the same numbers in a table beside it.
import { useId } from "react";
import type { PeruMapData } from "~/utils/peru-map.server";

export interface PeruMapProps {
  map: PeruMapData;
  /** What the map shows, e.g. "Prácticas vigentes por región, 2026". */
  title: string;
  /** A sentence or two for screen readers, e.g. where the numbers are and where to read them. */
  description: string;
  /** Heading of the legend, e.g. "Prácticas"; the legend shows only when the regions are coloured. */
  legendTitle?: string;
  className?: string;
}

export function PeruMap({ map, title, description, legendTitle, className }: PeruMapProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-desc`;
  const bySlug = new Map(map.regions.map((region) => [region.slug, region]));
  const endpoints = [...new Set(map.arrows.flatMap((arrow) => [arrow.from, arrow.to]))]
    .map((slug) => bySlug.get(slug))
    .filter((region) => region !== undefined);
  const markerId = map.arrowMarkerId;

  return (
    <div className={className ? `peru-map ${className}` : "peru-map"}>
      <svg
        className="peru-map__svg"
        viewBox={map.viewBox}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
      >
        <title id={titleId}>{title}</title>
        <desc id={descriptionId}>{description}</desc>
        {markerId && map.arrows.length > 0 ? (
          <defs>
            <marker
              id={markerId}
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="4"
              markerHeight="4"
              markerUnits="strokeWidth"
              orient="auto"
            >
              <path d="M0,0L10,5L0,10Z" className="peru-map__arrowhead" />
            </marker>
          </defs>
        ) : null}
        <g className="peru-map__regions">
          {map.regions.map((region) => (
            <use
              key={region.slug}
              href={`${map.sprite}#region-${region.slug}`}
              className={`peru-map__region ${toneClass(region.tone)}`}
              data-region={region.slug}
            >
              <title>{region.title}</title>
            </use>
          ))}
        </g>
        {map.arrows.length > 0 ? (
          <g className="peru-map__flows">
            {map.arrows.map((arrow) => (
              <path
                key={`${arrow.from}-${arrow.to}`}
                d={arrow.path}
                className="peru-map__arrow"
                strokeWidth={arrow.width}
                markerEnd={markerId ? `url(#${markerId})` : undefined}
                data-from={arrow.from}
                data-to={arrow.to}
              >
                <title>{arrow.title}</title>
              </path>
            ))}
            {endpoints.map((region) => (
              <circle
                key={region.slug}
                cx={region.centroid[0]}
                cy={region.centroid[1]}
                r="2.5"
                className="peru-map__point"
              />
            ))}
          </g>
        ) : null}
      </svg>
      {map.legend.length > 0 ? (
        <div className="peru-map__legend">
          {legendTitle ? <p className="peru-map__legend-title">{legendTitle}</p> : null}
          <ul>
            {map.legend.map((item) => (
              <li key={item.bucket}>
                <span className={`peru-map__swatch ${toneClass(item.tone)}`} aria-hidden="true" />
                {item.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function toneClass(tone: number | null): string {
  return tone === null ? "peru-map__tone--none" : `peru-map__tone--${tone}`;
}
