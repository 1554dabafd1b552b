// A date field typed in the pane's language (dd/mm/aaaa in Spanish, mm/dd/yyyy in English) and shown back in
// words, instead of the browser's date input, whose format follows the browser's locale and not the pane's
// ("mm/dd/yyyy" beside "4/12/2026"). Props from the enclosing Fluent Field (id, aria-*) reach the input, so the
// label and the hint stay attached for screen readers; the hint and any error are announced with the input.
import { Input, Text } from "@fluentui/react-components";
import type { InputProps } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { isDateOnly, parseTypedDate, typedDate } from "../../domain/dates";
import type { Lang } from "../../domain/types";
import { useI18n } from "../I18nContext";

/** The text the field shows for a value: the date as typed in `lang`, or the value itself if it is not a date. */
function shown(value: string, lang: Lang): string {
  return isDateOnly(value) ? typedDate(value, lang) : value;
}

export interface TypedDateInputProps extends Omit<
  InputProps,
  "value" | "onChange" | "type" | "defaultValue" | "onBlur"
> {
  /** "YYYY-MM-DD", or "" for none. */
  value: string;
  /** Called with "YYYY-MM-DD" once the text is a date, and with "" when the field is emptied. */
  onChange(value: string): void;
}

export function TypedDateInput({ value, onChange, ...rest }: TypedDateInputProps) {
  const { t, fmt, lang } = useI18n();
  const [text, setText] = useState(() => shown(value, lang));
  const hintId = useId();
  // A new value from outside (another proposal, a reset) replaces what is typed, unless it is what the text says.
  useEffect(() => {
    setText((current) => (parseTypedDate(current, lang) === value ? current : shown(value, lang)));
  }, [value, lang]);

  const parsed = parseTypedDate(text, lang);
  const invalid = text.trim() !== "" && parsed === undefined;
  const describedBy = [rest["aria-describedby"], hintId].filter(Boolean).join(" ");
  return (
    <>
      <Input
        {...rest}
        value={text}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t("date.typed.placeholder")}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(_, d) => {
          setText(d.value);
          const date = parseTypedDate(d.value, lang);
          if (date) onChange(date);
          else if (d.value.trim() === "") onChange("");
        }}
      />
      <Text id={hintId} size={200} role={invalid ? "alert" : undefined}>
        {invalid
          ? t("date.typed.invalid", { value: text.trim() })
          : parsed
            ? fmt.dateLong(parsed)
            : t("date.typed.hint")}
      </Text>
    </>
  );
}
