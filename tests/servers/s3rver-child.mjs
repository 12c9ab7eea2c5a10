// s3rver in a child process with OpenSSL's legacy provider: s3rver 3.7.1 makes its
// ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 offers only there.
// Usage: node --openssl-legacy-provider s3rver-child.mjs <directory> <bucket>...
// Prints {"port": N} once listening; stops on SIGTERM or when stdin closes.
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
