// Hands out stream ids (uint32) shared by live, recorded and on-demand streams, so ids never clash on a connection.

export class StreamIdAllocator {
  private nextId = 1;

  /** The next id; wraps after 2^32 - 1 ids, by which time the streams that used small ids have long ended. */
  next(): number {
    const id = this.nextId;
    this.nextId = this.nextId === 0xffffffff ? 1 : this.nextId + 1;
    return id;
  }
}
