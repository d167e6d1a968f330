import { IntentLink } from '@/components/ui/IntentLink';

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm">
        <IntentLink href="/" className="text-sky-700 underline dark:text-sky-400">
          Back to Layerglass
        </IntentLink>
      </p>
    </div>
  );
}
