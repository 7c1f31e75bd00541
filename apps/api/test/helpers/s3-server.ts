// The tests' S3 server is the benches' (one implementation, in src/bench so the compiled benches have it).
export { type RunningS3, startS3Server } from '../../src/bench/s3-server';
