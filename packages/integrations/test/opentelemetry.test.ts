// Span status and attributes with the real @opentelemetry/api and the SDK's in-memory exporter.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SpanStatusCode } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { reasons } from "@transfer-errors/core";
import { ftpFixtures } from "@transfer-errors/testkit/ftp";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { tracedDownload } from "../examples/opentelemetry.ts";
import {
  RETRY_EVENT,
  recordRetriedAttempt,
  recordTransferFailure,
  SPAN_STATUS_ERROR,
  transferErrorAttributes,
} from "../src/opentelemetry.ts";
import { ambiguousAppend, connectionLost, notFound } from "./support/errors.ts";
import { errorWithPlantedPassword, PLANTED_PASSWORD } from "./support/secrets.ts";
import { ftpUnavailable, useFtpThroughProxy, useVsftpd } from "./support/servers.ts";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer("transfer-errors-test");
afterEach(() => exporter.reset());

describe("OpenTelemetry helpers", () => {
  it("SPAN_STATUS_ERROR is the API's SpanStatusCode.ERROR", () => {
    expect(SPAN_STATUS_ERROR).toBe(SpanStatusCode.ERROR);
  });

  it("error.type is the reason: one of a fixed, small set", () => {
    for (const error of [notFound(), connectionLost(), ambiguousAppend()]) {
      const attributes = transferErrorAttributes(error);
      expect(reasons).toContain(attributes["error.type"]);
      expect(attributes).not.toHaveProperty("transfer_errors.path");
    }
    expect(transferErrorAttributes(ambiguousAppend())).toMatchObject({
      "transfer_errors.ambiguous": true,
      "transfer_errors.retryable": false,
      "transfer_errors.operation": "appendFrom",
    });
    expect(transferErrorAttributes(new TypeError("x"))["error.type"]).toBe("TypeError");
  });

  it("a failure recorded on a real span: status ERROR, the attributes, no exception event", () => {
    tracer.startActiveSpan("op", (span) => {
      recordRetriedAttempt(span, connectionLost(), 1);
      recordTransferFailure(span, notFound());
      span.end();
    });
    const [span] = exporter.getFinishedSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes).toMatchObject({
      "error.type": "not-found",
      "transfer_errors.code": "550",
      "transfer_errors.protocol": "ftp",
    });
    expect(span?.events.map((event) => event.name)).toEqual([RETRY_EVENT]);
    expect(span?.events[0]?.attributes).toMatchObject({
      "error.type": "connection-lost",
      "transfer_errors.attempt": 1,
    });
  });

  it("the status message is the redacted one", () => {
    tracer.startActiveSpan("op", (span) => {
      recordTransferFailure(span, errorWithPlantedPassword().error);
      span.end();
    });
    const [span] = exporter.getFinishedSpans();
    expect(JSON.stringify({ ...span?.status, ...span?.attributes })).not.toContain(
      PLANTED_PASSWORD,
    );
  });
});

describe.skipIf(ftpUnavailable() !== undefined)(
  "the README's traced download against vsftpd",
  () => {
    const vsftpd = useVsftpd();
    const connect = useFtpThroughProxy(vsftpd);
    const local = mkdtempSync(join(tmpdir(), "te-int-otel-"));
    afterAll(() => rmSync(local, { recursive: true, force: true }));

    it("a retried attempt is an event; the download succeeded, so the span is no error", async () => {
      const { proxy, client } = await connect();
      proxy.strikeOpen({
        kind: "reset",
        at: { direction: "up", match: /^(EPSV|PASV)/m, swallow: true },
      });
      const target = join(local, "ok.txt");
      await tracedDownload(tracer, client, ftpFixtures.file, target);
      expect(readFileSync(target, "utf8")).toBe(ftpFixtures.fileText);
      const [span] = exporter.getFinishedSpans();
      expect(span?.status.code).toBe(SpanStatusCode.UNSET);
      expect(span?.attributes["error.type"]).toBeUndefined();
      expect(span?.events).toHaveLength(1);
      // The reset during the passive-mode request: basic-ftp reports it as the data connection's.
      expect(span?.events[0]).toMatchObject({
        name: RETRY_EVENT,
        attributes: { "transfer_errors.reconnect": true, "transfer_errors.attempt": 1 },
      });
      expect(reasons).toContain(span?.events[0]?.attributes?.["error.type"]);
    });

    it("a missing file: status ERROR with error.type, no retry event", async () => {
      const { client } = await connect();
      await expect(
        tracedDownload(tracer, client, ftpFixtures.missing, join(local, "missing.txt")),
      ).rejects.toMatchObject({ code: 550 });
      const [span] = exporter.getFinishedSpans();
      expect(span?.status.code).toBe(SpanStatusCode.ERROR);
      expect(reasons).toContain(span?.attributes["error.type"]);
      expect(span?.attributes["transfer_errors.code"]).toBe("550");
      expect(span?.events).toHaveLength(0);
    });
  },
);
