import { Writable } from "node:stream";

/** A Writable that keeps what it is given, for downloads into memory. */
export class MemorySink extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    this.chunks.push(chunk);
    done();
  }

  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  }

  text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}
