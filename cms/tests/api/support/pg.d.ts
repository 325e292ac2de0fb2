// The part of `pg` the API test setup uses to reset a PostgreSQL schema (@types/pg is not installed).
declare module 'pg' {
  export class Client {
    constructor(config: { connectionString: string });
    connect(): Promise<void>;
    query(sql: string): Promise<unknown>;
    end(): Promise<void>;
  }
  const pg: { Client: typeof Client };
  export default pg;
}
