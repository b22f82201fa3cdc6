import {
  FILTER_DOCS,
  OBJECT_FIELDS,
  TEMPLATE_VARIABLES,
  objectPlaces,
  type FieldDoc,
  type TemplateKind,
} from '../lib/recap';
import './export.css';

export interface TemplateReferenceProps {
  kind: TemplateKind;
}

/** Text with `code` spans, as the reference writes them. */
function Described({ text }: { text: string }) {
  return <>{text.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))}</>;
}

function FieldList({
  fields,
  prefix,
  label,
}: {
  fields: Readonly<Record<string, FieldDoc>>;
  prefix: string;
  label: string;
}) {
  return (
    <dl class="reference-fields" aria-label={label}>
      {Object.entries(fields).map(([name, doc]) => (
        <div key={name}>
          <dt>
            <code>{`${prefix}${name}`}</code> <span class="muted">{doc.type}</span>
          </dt>
          <dd>
            <Described text={doc.text} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What a template of this kind can print: its variables, the fields of each object where a
 * template reaches it (`talk.title` inside `{% for talk in talks %}`), and the filters. Generated
 * from lib/recap/template-reference.ts, which the renderer's types and a test hold to the truth.
 */
export function TemplateReference({ kind }: TemplateReferenceProps) {
  const places = [...objectPlaces(kind)];
  return (
    <details class="template-reference">
      <summary>Variables and filters</summary>
      <p class="muted">
        <Described
          text={
            kind === 'day'
              ? 'A whole-post template starts with these variables. A talk’s fields are reached in a loop: `{% for talk in talks %}{{ talk.title }}{% endfor %}`.'
              : 'A talk template runs once per talk, with these variables: `{{ talk.title }}`, `{{ talk.speakers | speaker_list }}`…'
          }
        />{' '}
        Text is escaped for Markdown when printed; Markdown values print as written.
      </p>
      <h4>Variables</h4>
      <FieldList fields={TEMPLATE_VARIABLES[kind]} prefix="" label="Template variables" />
      {places.map(([of, place]) => (
        <details key={of} class="reference-object">
          <summary>
            <code>{place.name}</code>
            {place.loops.length > 0 && <span class="muted"> inside {place.loops.join(' … ')}</span>}
          </summary>
          <FieldList fields={OBJECT_FIELDS[of]} prefix={`${place.name}.`} label={`Fields of ${place.name}`} />
        </details>
      ))}
      <h4>Filters</h4>
      <dl class="reference-fields" aria-label="Template filters">
        {Object.entries(FILTER_DOCS).map(([name, doc]) => (
          <div key={name}>
            <dt>
              <code>{doc.usage}</code>
            </dt>
            <dd>
              <Described text={doc.text} />
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted">
        Liquid’s own tags and filters work too: if, for, assign, capture, upcase, where, size, default…
      </p>
    </details>
  );
}
