// An advisor's free slots as people read them: grouped by day, in Lima wall-clock time. The
// loader turns slots into words (so server and browser never disagree on a date), and these
// components only render them.

/** One free session, ready to show and to send back as the form value "<UTC instant>|<minutes>". */
export interface SlotChoice {
  value: string;
  /** "09:00–09:45" */
  range: string;
}

export interface SlotDay {
  date: string;
  /** "martes 1 de diciembre" */
  label: string;
  slots: SlotChoice[];
}

const dayFormat = new Intl.DateTimeFormat("es-PE", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const dayWithYearFormat = new Intl.DateTimeFormat("es-PE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * A local date (YYYY-MM-DD) in words: "martes 1 de diciembre". The date is already Lima's, so it
 * is formatted at noon UTC, where no zone can move it to another day.
 */
export function localDayLabel(date: string, options: { withYear?: boolean } = {}): string {
  const at = new Date(`${date}T12:00:00Z`);
  return (options.withYear ? dayWithYearFormat : dayFormat).format(at).replace(",", "");
}

/** "09:00" plus 45 minutes is "09:45"; a session never crosses midnight (rules end by 23:59). */
export function endTimeOf(time: string, minutes: number): string {
  const [h, m] = time.split(":").map(Number);
  const total = (h! * 60 + m! + minutes) % (24 * 60);
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** Slots (with their Lima date and time) grouped by day, in order. */
export function groupSlotsByDay(slots: readonly { startsAt: string; date: string; time: string; minutes: number }[]): SlotDay[] {
  const days: SlotDay[] = [];
  for (const slot of slots) {
    let day = days[days.length - 1];
    if (!day || day.date !== slot.date) {
      day = { date: slot.date, label: localDayLabel(slot.date), slots: [] };
      days.push(day);
    }
    day.slots.push({ value: `${slot.startsAt}|${slot.minutes}`, range: `${slot.time}–${endTimeOf(slot.time, slot.minutes)}` });
  }
  return days;
}

/** What teams will see, as a short list: one line per day with its start times. */
export function SlotPreview({ days }: { days: SlotDay[] }) {
  return (
    <ul className="slot-preview">
      {days.map((day) => (
        <li key={day.date}>
          <strong>{day.label}</strong>
          <ul className="slot-preview__times">
            {day.slots.map((slot) => (
              <li key={slot.value}>{slot.range}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Radio buttons for the slots, one fieldset per day; each label names the day for screen readers. */
export function SlotPicker({ days, name = "slot", checked, describedBy }: { days: SlotDay[]; name?: string; checked?: string; describedBy?: string }) {
  return (
    <div className="slot-picker">
      {days.map((day) => (
        <fieldset key={day.date} className="fieldset slot-picker__day" aria-describedby={describedBy}>
          <legend>{day.label}</legend>
          <div className="slot-picker__options">
            {day.slots.map((slot) => {
              const id = `slot-${slot.value.replace(/[^0-9A-Za-z]/g, "")}`;
              return (
                <div className="slot-picker__option" key={slot.value}>
                  <input type="radio" id={id} name={name} value={slot.value} defaultChecked={checked === slot.value} />
                  <label htmlFor={id}>
                    <span className="visually-hidden">{day.label} · </span>
                    {slot.range}
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}
