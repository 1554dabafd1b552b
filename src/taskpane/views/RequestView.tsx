// A request that is not a case yet: the extracted fields, editable and marked with how sure they are, the
// policy warnings, the due date, a sanitized preview, and "Create case".
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { MAX_MESSAGE_TEXT } from "../../domain/recordSchema";
import type { AudienceKey, MailAddress } from "../../domain/types";
import { askRequester } from "../../workflow/actions/askRequester";
import { CONTENT_FINDING_CODES } from "../../domain/policy";
import type { PolicyWarningCode } from "../../domain/policy";
import { assessRequest } from "../../workflow/assess";
import { createCaseFromRequest } from "../../workflow/actions/createCase";
import type { OpenedItem } from "../../workflow/openItem";
import { ContentFindings } from "../components/ContentFindings";
import { ErrorBar } from "../components/ErrorBar";
import { ReachSummary } from "../components/ReachSummary";
import { MessagePreview } from "../components/MessagePreview";
import { imageHostsOf } from "../../config/schema";
import { SourceBadge } from "../components/SourceBadge";
import { fieldLabel } from "../components/fieldLabels";
import { warningText } from "../components/warningText";
import { useI18n } from "../I18nContext";
import { useServices } from "../ServicesContext";
import { useAction } from "../hooks/useAction";
import { useAudienceCounts } from "../hooks/useAudienceCounts";
import { useWorkflow } from "../hooks/useWorkflow";
import type { RequestForm } from "./requestForm";
import {
  fieldsFromForm,
  formFromProposal,
  messageTextFromForm,
  missingInForm,
  needsMessageText,
  relayToFromForm,
  relayToProblemInForm,
  requesterFromForm,
  requesterProblemInForm,
  writerOf,
} from "./requestForm";
import { TypedDateInput } from "../components/TypedDateInput";

/** The content checks' findings (alt text, link texts, contrast, subject…), listed apart from the date warnings. */
const CONTENT_CODES: ReadonlySet<PolicyWarningCode> = new Set<PolicyWarningCode>(CONTENT_FINDING_CODES);

/** "Name <address>", or the address alone. */
function who(a: MailAddress): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  options: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  warnings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  footer: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    position: "sticky",
    bottom: 0,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

export interface RequestViewProps {
  item: Extract<OpenedItem, { kind: "request" }>;
  onCreated(): void;
}

export function RequestView({ item, onCreated }: RequestViewProps) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, fmt, lang } = i18n;
  const { config } = useServices();
  const ctx = useWorkflow();
  const { proposal, request } = item;
  const [form, setForm] = useState<RequestForm>(() => formFromProposal(proposal));
  const set = <K extends keyof RequestForm>(key: K, value: RequestForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const messageHtml = proposal.message.value?.html ?? "";
  const pieceIds = proposal.message.value?.pieceAttachmentIds ?? [];
  const pieces = request.attachments.filter((a) => pieceIds.includes(a.id));
  const missing = useMemo(() => missingInForm(form, proposal), [form, proposal]);
  const assessment = useMemo(
    () =>
      assessRequest(ctx, {
        request,
        fields: { requestedDate: form.requestedDate || undefined, urgency: form.urgency },
        missingFields: missing,
        messageHtml,
        subject: form.subject,
      }),
    [ctx, request, form, missing, messageHtml],
  );
  // A case needs to say who asks, who sends, what and to whom; a missing date falls back to the lead time.
  // The requester's address must be one the final confirmation can go to.
  const requesterProblem = requesterProblemInForm(form);
  // Who gets the final confirmation: shown before the case exists, a choice when the request came forwarded.
  const writer = writerOf(proposal);
  const relayTo = relayToFromForm(form, proposal);
  const relayToProblem =
    writer && form.relayChoice === "writer" ? relayToProblemInForm(form, proposal) : null;
  const counts = useAudienceCounts();
  // The content findings inform, each with where it is and how to fix it; none of them blocks "Create case".
  const contentFindings = assessment.warnings.filter((w) => CONTENT_CODES.has(w.code));
  const otherWarnings = assessment.warnings.filter((w) => !CONTENT_CODES.has(w.code));
  const blocking = [
    ...(requesterProblem ? ["requester"] : []),
    ...(relayToProblem ? ["relayTo"] : []),
    ...(form.requestingUnit.trim() === "" ? ["requestingUnit"] : []),
    ...missing.filter((f) => f === "desiredSender" || f === "subject" || f === "audiences"),
  ];
  const canCreate = blocking.length === 0;

  const create = useCallback(() => {
    const messageText = messageTextFromForm(form, proposal);
    return createCaseFromRequest(ctx, {
      mailbox: item.mailbox,
      messageId: item.message.id,
      requester: requesterFromForm(form, proposal),
      fields: fieldsFromForm(form),
      relayTo: relayToFromForm(form, proposal),
      ...(messageText ? { messageText } : {}),
    });
  }, [ctx, item, proposal, form]);
  const action = useAction(create, onCreated);
  // "Ask the requester": the case is created with what the form holds, then a reply asks for what is missing.
  const askAction = useAction(
    useCallback(async () => {
      await create();
      return askRequester(ctx, item.mailbox, item.message.id, {
        lang: proposal.lang,
        missing,
        requestSubject: item.message.subject,
      });
    }, [create, ctx, item, proposal, missing]),
    onCreated,
  );
  const busy = action.isRunning || askAction.isRunning;

  const toggleAudience = (key: AudienceKey, checked: boolean) =>
    set("audiences", checked ? [...form.audiences, key] : form.audiences.filter((a) => a !== key));
  const toggleAttachment = (id: string, checked: boolean) =>
    set("attachmentIds", checked ? [...form.attachmentIds, id] : form.attachmentIds.filter((a) => a !== id));
  const attachments = request.attachments.filter((a) => !a.isInline || form.attachmentIds.includes(a.id));

  return (
    <form
      className={styles.root}
      aria-labelledby="request-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (canCreate && !busy) void action.run();
      }}
    >
      <div>
        <Text block as="h2" id="request-title" weight="semibold" size={400}>
          {t("request.title")}
        </Text>
        <Text block as="p" size={200}>
          {t("request.subtitle")}
        </Text>
      </div>

      {proposal.truncated ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t("request.truncated", {
              read: fmt.number(proposal.truncated.readLength),
              total: fmt.number(proposal.truncated.length),
            })}
          </MessageBarBody>
        </MessageBar>
      ) : null}

      {otherWarnings.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("warning.title")}</MessageBarTitle>
            <ul className={styles.warnings}>
              {otherWarnings.map((w, i) => (
                <li key={`${w.code}-${i}`}>{warningText(w, i18n)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {contentFindings.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" role="note">
          <MessageBarBody>
            <MessageBarTitle>{t("request.contentFindings")}</MessageBarTitle>
            <ContentFindings findings={contentFindings} label={t("request.contentFindings")} />
          </MessageBarBody>
        </MessageBar>
      ) : null}

      <Field
        label={t("field.requester")}
        hint={writer ? t("field.requester.hintForwarded") : t("field.requester.hint")}
        required
        validationState={requesterProblem ? "error" : "none"}
        validationMessage={
          requesterProblem
            ? t("field.requester.problem", { problem: t(`address.problem.${requesterProblem}`) })
            : undefined
        }
      >
        <Input
          inputMode="email"
          autoComplete="off"
          value={form.requester}
          onChange={(_, d) => set("requester", d.value)}
          data-testid="requester-address"
        />
      </Field>
      {writer ? (
        <Field
          label={t("field.relayTo")}
          validationState={relayToProblem ? "error" : "none"}
          validationMessage={
            relayToProblem
              ? t("field.relayTo.problem", { problem: t(`address.problem.${relayToProblem}`) })
              : undefined
          }
        >
          <RadioGroup
            value={form.relayChoice}
            onChange={(_, d) => set("relayChoice", d.value === "original" ? "original" : "writer")}
            data-testid="relay-choice"
          >
            <Radio value="writer" label={t("field.relayTo.writer", { who: who(writer) })} />
            <Radio
              value="original"
              label={t("field.relayTo.original", { who: who(requesterFromForm(form, proposal)) })}
            />
          </RadioGroup>
        </Field>
      ) : null}
      <Text>
        <Text weight="semibold">{t("field.relayTo")}: </Text>
        <span data-testid="relay-to">{who(relayTo)}</span>
      </Text>
      <Field
        label={t("field.requestingUnit")}
        hint={<SourceBadge source={proposal.requestingUnit.source} />}
        required
      >
        <Input value={form.requestingUnit} onChange={(_, d) => set("requestingUnit", d.value)} />
      </Field>
      <Field
        label={t("field.desiredSender")}
        hint={<SourceBadge source={proposal.desiredSender.source} />}
        required
      >
        <Input value={form.desiredSender} onChange={(_, d) => set("desiredSender", d.value)} />
      </Field>
      <Field label={t("field.subject")} hint={<SourceBadge source={proposal.subject.source} />} required>
        <Input value={form.subject} onChange={(_, d) => set("subject", d.value)} />
      </Field>

      <fieldset className={styles.group} style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>
          <Text weight="semibold">{t("field.audiences")}</Text>{" "}
          <SourceBadge source={proposal.audiences.source} />
        </legend>
        <div className={styles.options}>
          {config.audiences.map((a) => (
            <Checkbox
              key={a.key}
              label={a.label[lang]}
              checked={form.audiences.includes(a.key)}
              onChange={(_, d) => toggleAudience(a.key, d.checked === true)}
            />
          ))}
        </div>
      </fieldset>

      <ReachSummary
        audiences={form.audiences}
        request={{
          fields: { desiredSender: form.desiredSender },
          requester: requesterFromForm(form, proposal),
        }}
        counts={counts}
      />

      <Field label={t("field.requestedDate")} hint={<SourceBadge source={proposal.requestedDate.source} />}>
        <TypedDateInput value={form.requestedDate} onChange={(v) => set("requestedDate", v)} />
      </Field>

      {/* Issue 13: the professional flags (or unflags) the urgent lane; intake's reading is the starting value. */}
      {/* No Field label: it would name the checkbox "Urgencia" instead of its own "Urgente". */}
      <Field hint={<SourceBadge source={proposal.urgency.source} />}>
        <Checkbox
          checked={form.urgency === "urgent"}
          onChange={(_, d) => set("urgency", d.checked === true ? "urgent" : "normal")}
          label={t("field.urgentFlag")}
        />
      </Field>
      {form.urgency === "urgent" ? <Text size={200}>{t("field.urgentFlag.hint")}</Text> : null}

      <Text>
        <Text weight="semibold">{t("field.dueDate")}: </Text>
        <span data-testid="due-date">{fmt.date(assessment.due.date)}</span>
      </Text>

      <fieldset className={styles.group} style={{ border: "none", padding: 0, margin: 0 }}>
        <legend>
          <Text weight="semibold">{t("field.attachments")}</Text>
        </legend>
        {attachments.length === 0 ? (
          <Text size={200}>{t("field.attachments.none")}</Text>
        ) : (
          attachments.map((a) => (
            <Checkbox
              key={a.id}
              label={`${a.name} (${fmt.number(Math.ceil(a.size / 1024))} KB)`}
              checked={form.attachmentIds.includes(a.id)}
              onChange={(_, d) => toggleAttachment(a.id, d.checked === true)}
            />
          ))
        )}
      </fieldset>

      <div className={styles.group}>
        <Text id="preview-title" weight="semibold">
          {t("preview.title")} <SourceBadge source={proposal.message.source} />
        </Text>
        {pieces.length > 0 ? (
          // The message is an attached piece ("Mensaje: ver imagen adjunta"): say which, not "no message".
          <Text>{t("preview.piece", { names: pieces.map((a) => a.name).join(", ") })}</Text>
        ) : (
          <MessagePreview
            sanitizedHtml={messageHtml}
            labelId="preview-title"
            imageHosts={imageHostsOf(config)}
            inlineImages={{
              mailbox: item.mailbox,
              messageId: item.message.id,
              attachments: item.message.attachments ?? [],
            }}
          />
        )}
      </div>

      {needsMessageText(proposal) ? (
        <Field
          label={t("field.messageText")}
          hint={t("field.messageText.hint", {
            length: fmt.number(form.messageText.length),
            max: fmt.number(MAX_MESSAGE_TEXT),
          })}
        >
          <Textarea
            resize="vertical"
            rows={6}
            maxLength={MAX_MESSAGE_TEXT}
            value={form.messageText}
            onChange={(_, d) => set("messageText", d.value)}
            data-testid="message-text"
          />
        </Field>
      ) : null}

      {action.error ? (
        <ErrorBar error={action.error} onRetry={() => void action.retry()} onDismiss={action.clearError} />
      ) : null}
      {askAction.error ? (
        <ErrorBar
          error={askAction.error}
          onRetry={() => void askAction.retry()}
          onDismiss={askAction.clearError}
        />
      ) : null}
      <div className={styles.footer}>
        <Button appearance="primary" type="submit" disabled={!canCreate || busy}>
          {t("request.create")}
        </Button>
        {missing.length > 0 ? (
          <Button
            appearance="secondary"
            disabled={!canCreate || busy}
            aria-describedby="ask-hint"
            onClick={() => void askAction.run()}
          >
            {t("request.ask")}
          </Button>
        ) : null}
        {action.isRunning ? <Spinner size="tiny" label={t("request.creating")} /> : null}
        {askAction.isRunning ? <Spinner size="tiny" label={t("request.asking")} /> : null}
        {missing.length > 0 && canCreate ? (
          <Text size={200} id="ask-hint">
            {t("request.ask.hint", {
              who: who(relayTo),
              fields: missing.map((f) => fieldLabel(f, t)).join(", "),
            })}
          </Text>
        ) : null}
        {blocking.length > 0 ? (
          <Text size={200} role="status">
            {t("request.missing", { fields: blocking.map((f) => fieldLabel(f, t)).join(", ") })}
          </Text>
        ) : null}
      </div>
    </form>
  );
}
