import Link from "next/link";

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p>
        Nothing here. <Link href="/">Back to the claims</Link>.
      </p>
    </>
  );
}
